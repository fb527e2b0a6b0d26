import { Job, Queue, UnrecoverableError } from 'bullmq';
import { JOBS } from '../jobs/queues';
import { StudentImportProcessor } from './student-import.processor';
import { StudentImportRunner } from './student-import.runner';

const IMPORT_ID = '0190f3a0-0000-7000-8000-0000000000aa';

function setup(run: jest.Mock) {
  const runner = { run, markFailed: jest.fn().mockResolvedValue(undefined) };
  const queue = { on: jest.fn() };
  const processor = new StudentImportProcessor(
    runner as unknown as StudentImportRunner,
    queue as unknown as Queue,
  );
  return { processor, runner, queue };
}

function job(
  attemptsMade: number,
  data: unknown = { importId: IMPORT_ID },
  name: string = JOBS.studentImport,
) {
  return { name, data, attemptsMade, opts: { attempts: 5 } } as unknown as Job<{
    importId: string;
  }>;
}

describe('StudentImportProcessor', () => {
  it('runs the import named by the job', async () => {
    const { processor, runner } = setup(
      jest.fn().mockResolvedValue({ importId: IMPORT_ID, processed: true }),
    );
    await expect(processor.process(job(0))).resolves.toMatchObject({ processed: true });
    expect(runner.run).toHaveBeenCalledWith(IMPORT_ID);
  });

  it('rethrows an error for BullMQ to retry, leaving the import alone before the last attempt', async () => {
    const { processor, runner } = setup(
      jest.fn().mockRejectedValue(new Error('deadlock detected')),
    );
    await expect(processor.process(job(3))).rejects.toThrow('deadlock detected');
    expect(runner.markFailed).not.toHaveBeenCalled();
  });

  it('marks the import failed with the reason on the last attempt', async () => {
    const { processor, runner } = setup(
      jest.fn().mockRejectedValue(new Error('deadlock detected')),
    );
    await expect(processor.process(job(4))).rejects.toThrow('deadlock detected');
    expect(runner.markFailed).toHaveBeenCalledWith(
      IMPORT_ID,
      'Import failed after 5 attempt(s): deadlock detected',
    );
  });

  it('refuses a job without an import id or with another name, without retrying', async () => {
    const { processor, runner } = setup(jest.fn());
    await expect(processor.process(job(0, {}))).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(processor.process(job(0, { importId: 'x' }))).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    await expect(
      processor.process(job(0, { importId: IMPORT_ID }, 'other')),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    expect(runner.run).not.toHaveBeenCalled();
  });

  it('listens for queue connection errors so BullMQ does not print each one', () => {
    const { queue } = setup(jest.fn());
    expect(queue.on).toHaveBeenCalledWith('error', expect.any(Function));
  });
});
