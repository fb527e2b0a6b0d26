import { PeriodicLook } from './periodic-look';

describe('PeriodicLook', () => {
  it('looks at start and again after each look, one at a time, and reports failures', async () => {
    let running = 0;
    let overlapped = false;
    const errors: string[] = [];
    let looks = 0;
    let done!: () => void;
    const enough = new Promise<void>((resolve) => (done = resolve));
    const periodic = new PeriodicLook(
      async () => {
        running += 1;
        overlapped ||= running > 1;
        looks += 1;
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        if (looks === 2) throw new Error('database away');
        if (looks === 4) done();
      },
      () => 1,
      (error) => errors.push(error.message),
    );
    periodic.start();
    await enough;
    await periodic.stop();
    const after = looks;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(looks).toBe(after);
    expect(overlapped).toBe(false);
    expect(errors).toEqual(['database away']);
  });
});
