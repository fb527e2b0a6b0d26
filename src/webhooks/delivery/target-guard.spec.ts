import { ForbiddenTargetError, isForbiddenAddress, resolveTarget } from './target-guard';

describe('isForbiddenAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', '"this network"'],
    ['10.0.0.1', 'private 10/8'],
    ['10.255.255.255', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['169.254.169.254', 'cloud metadata (link-local)'],
    ['169.254.0.1', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['192.0.0.8', 'IETF protocol assignments'],
    ['192.0.2.1', 'TEST-NET-1'],
    ['198.51.100.7', 'TEST-NET-2'],
    ['203.0.113.9', 'TEST-NET-3'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['0:0:0:0:0:0:0:1', 'IPv6 loopback, written out'],
    ['fc00::1', 'unique local'],
    ['fd00:ec2::254', 'AWS metadata (unique local)'],
    ['fe80::1', 'IPv6 link-local'],
    ['fe80::1%eth0', 'IPv6 link-local with a zone'],
    ['febf:ffff::1', 'IPv6 link-local'],
    ['ff02::1', 'IPv6 multicast'],
    ['2001:db8::1', 'IPv6 documentation'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback in hex'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::ffff:10.1.2.3', 'IPv4-mapped private'],
    ['[::ffff:a9fe:a9fe]', 'IPv4-mapped metadata in URL brackets'],
    ['::ffff:0:192.168.0.1', 'IPv4-translated private'],
    ['64:ff9b::127.0.0.1', 'NAT64 of loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of metadata'],
    ['2002:7f00:1::', '6to4 of loopback'],
    ['::127.0.0.1', 'deprecated IPv4-compatible'],
    ['localhost', 'a name, not an address'],
    ['', 'nothing'],
    ['010.0.0.1', 'an ambiguous octal-looking address'],
  ])('forbids %s (%s)', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(true);
  });

  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['93.184.215.14', 'public'],
    ['172.15.255.255', 'just below 172.16/12'],
    ['172.32.0.1', 'just above 172.16/12'],
    ['100.63.255.255', 'just below CGNAT'],
    ['100.128.0.1', 'just above CGNAT'],
    ['192.169.0.1', 'just above 192.168/16'],
    ['198.20.0.1', 'just above benchmarking'],
    ['223.255.255.255', 'just below multicast'],
    ['2606:4700:4700::1111', 'public IPv6'],
    ['2a00:1450:4001:80b::200e', 'public IPv6'],
    ['::ffff:8.8.8.8', 'IPv4-mapped public'],
    ['64:ff9b::808:808', 'NAT64 of a public address'],
    ['2002:808:808::1', '6to4 of a public address'],
  ])('allows %s (%s)', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(false);
  });
});

describe('resolveTarget', () => {
  it('refuses localhost, naming the address', async () => {
    const refusal = resolveTarget(new URL('http://localhost:8080/hook'), false);
    await expect(refusal).rejects.toThrow(ForbiddenTargetError);
    await expect(refusal).rejects.toThrow(/localhost resolves to (127\.0\.0\.1|::1)/);
  });

  it('judges literal addresses without a lookup, IPv6 in brackets too', async () => {
    await expect(resolveTarget(new URL('http://127.0.0.1/'), false)).rejects.toThrow(
      'target 127.0.0.1 is a private, loopback or reserved address: forbidden',
    );
    await expect(resolveTarget(new URL('http://[::1]:9000/'), false)).rejects.toThrow(
      ForbiddenTargetError,
    );
    await expect(resolveTarget(new URL('http://[::ffff:169.254.169.254]/'), false)).rejects.toThrow(
      /169\.254\.169\.254|a9fe:a9fe/,
    );
    await expect(resolveTarget(new URL('https://8.8.8.8/hook'), false)).resolves.toEqual({
      address: '8.8.8.8',
      family: 4,
    });
    await expect(resolveTarget(new URL('https://[2606:4700:4700::1111]/'), false)).resolves.toEqual(
      { address: '2606:4700:4700::1111', family: 6 },
    );
  });

  it('sees through the URL parser’s number forms of an address', async () => {
    // WHATWG URLs read 2130706433 and 0x7f.1 as 127.0.0.1.
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://0177.0.0.1/']) {
      await expect(resolveTarget(new URL(url), false)).rejects.toThrow(ForbiddenTargetError);
    }
  });

  it('never puts the URL’s path or query string in the refusal', async () => {
    const refusal = resolveTarget(new URL('http://127.0.0.1/hook?token=s3cret'), false);
    await expect(refusal).rejects.toThrow(ForbiddenTargetError);
    await refusal.catch((error: Error) => {
      expect(error.message).not.toMatch(/s3cret|token|hook/);
    });
  });

  it('lets private targets through when allowed', async () => {
    await expect(resolveTarget(new URL('http://127.0.0.1:3000/'), true)).resolves.toEqual({
      address: '127.0.0.1',
      family: 4,
    });
    const local = await resolveTarget(new URL('http://localhost/'), true);
    expect(['127.0.0.1', '::1']).toContain(local.address);
  });

  it('passes a failed lookup on as such, not as a refusal', async () => {
    const lookup = resolveTarget(new URL('http://no-such-host.invalid/'), false);
    await expect(lookup).rejects.toThrow();
    await lookup.catch((error: unknown) => {
      expect(error).not.toBeInstanceOf(ForbiddenTargetError);
    });
  });
});
