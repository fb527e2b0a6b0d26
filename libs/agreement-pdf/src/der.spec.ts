import {
  DerError,
  TAG,
  children,
  oid,
  readNode,
  readOid,
  readRoot,
  readTime,
  setOf,
  time,
  tlv,
} from './der';

const hex = (b: Buffer) => b.toString('hex');

describe('der', () => {
  it('encodes and reads object identifiers', () => {
    expect(hex(oid('1.2.840.113549.1.7.2'))).toBe('06092a864886f70d010702');
    for (const dotted of ['2.16.840.1.101.3.4.2.1', '1.2.840.10045.4.3.2', '2.999.3']) {
      const der = oid(dotted);
      expect(readOid(der, readRoot(der))).toBe(dotted);
    }
  });

  it('writes UTCTime until 2049 and GeneralizedTime after, and reads both back', () => {
    const t2026 = time(new Date('2026-06-03T15:30:59.750Z'));
    expect(t2026[0]).toBe(TAG.UTC_TIME);
    expect(t2026.subarray(2).toString('latin1')).toBe('260603153059Z');
    expect(readTime(t2026, readRoot(t2026))).toEqual(new Date('2026-06-03T15:30:59Z'));
    const t2050 = time(new Date('2050-01-01T00:00:00Z'));
    expect(t2050[0]).toBe(TAG.GENERALIZED_TIME);
    expect(t2050.subarray(2).toString('latin1')).toBe('20500101000000Z');
    expect(readTime(t2050, readRoot(t2050))).toEqual(new Date('2050-01-01T00:00:00Z'));
    const feb31 = tlv(TAG.UTC_TIME, Buffer.from('260231120000Z'));
    expect(() => readTime(feb31, readRoot(feb31))).toThrow(DerError);
  });

  it('uses the shortest length form and reads long lengths', () => {
    const long = tlv(TAG.OCTET_STRING, Buffer.alloc(300, 7));
    expect(hex(long.subarray(0, 4))).toBe('0482012c');
    const node = readRoot(long);
    expect(node.end - node.contentStart).toBe(300);
  });

  it('sorts SET OF elements by their encodings', () => {
    const set = setOf(tlv(TAG.INTEGER, Buffer.of(5)), tlv(TAG.INTEGER, Buffer.of(2)));
    expect(hex(set)).toBe('3106020102020105');
    expect(children(set, readRoot(set)).map((c) => set[c.contentStart])).toEqual([2, 5]);
  });

  it('rejects anything that is not minimal, complete DER', () => {
    const bad = {
      'non-minimal length': '048105' + '00'.repeat(5),
      'indefinite length': '3080020101' + '0000',
      'truncated value': '0405aabb',
      'truncated header': '04',
      'multi-byte tag': '1f8101020000',
      'trailing bytes': '020101ff',
    };
    for (const [what, value] of Object.entries(bad)) {
      expect({ what, thrown: throws(() => readRoot(Buffer.from(value, 'hex'))) }).toEqual({
        what,
        thrown: true,
      });
    }
    const nested = Buffer.from('3003040501', 'hex'); // the child claims more than its parent holds
    expect(() => children(nested, readNode(nested, 0))).toThrow(DerError);
  });
});

function throws(f: () => unknown): boolean {
  try {
    f();
    return false;
  } catch (e) {
    return e instanceof DerError;
  }
}
