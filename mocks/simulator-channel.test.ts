// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { openerChannel, ownChannel } from './simulator-channel';
import type { PageMessage, WorkerMessage } from './simulator-worker-protocol';

/** A worker that records what it is sent and replies when told. */
class FakeWorker {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null;
  readonly received: PageMessage[] = [];

  postMessage(message: PageMessage): void {
    this.received.push(message);
  }

  reply(message: WorkerMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<WorkerMessage>);
  }
}

describe('the simulator channel', () => {
  it('gives every page on it its own ids and every message to each listener', () => {
    const worker = new FakeWorker();
    const channel = ownChannel(worker as unknown as Worker);
    const ids = [channel.nextId(), channel.nextId(), channel.nextId()];
    expect(new Set(ids).size).toBe(3);
    const heard: number[][] = [[], []];
    channel.listen((message) => heard[0].push(message.id));
    const stop = channel.listen((message) => heard[1].push(message.id));
    worker.reply({ kind: 'console-ended', id: 7 });
    stop();
    worker.reply({ kind: 'console-ended', id: 8 });
    expect(heard).toEqual([[7, 8], [7]]);
    channel.send({ kind: 'console-close', id: 7 });
    expect(worker.received).toEqual([{ kind: 'console-close', id: 7 }]);
  });

  it('drops a listener that can no longer run (its window closed) and keeps the others', () => {
    const worker = new FakeWorker();
    const channel = ownChannel(worker as unknown as Worker);
    let calls = 0;
    channel.listen(() => {
      calls++;
      throw new TypeError('the window has closed');
    });
    const heard: number[] = [];
    channel.listen((message) => heard.push(message.id));
    worker.reply({ kind: 'console-ended', id: 1 });
    worker.reply({ kind: 'console-ended', id: 2 });
    expect(calls).toBe(1);
    expect(heard).toEqual([1, 2]);
  });

  it('is offered to the windows the page opens, and found from them', () => {
    const channel = ownChannel(new FakeWorker() as unknown as Worker);
    Object.defineProperty(window, 'opener', { value: window, configurable: true });
    expect(openerChannel()).toBe(channel);
    Object.defineProperty(window, 'opener', { value: null, configurable: true });
    expect(openerChannel()).toBeUndefined();
  });
});
