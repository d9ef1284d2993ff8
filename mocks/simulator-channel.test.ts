// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
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
    channel.listen((message) => heard[0].push(message.id), window);
    const stop = channel.listen((message) => heard[1].push(message.id), window);
    worker.reply({ kind: 'console-ended', id: 7 });
    stop();
    worker.reply({ kind: 'console-ended', id: 8 });
    expect(heard).toEqual([[7, 8], [7]]);
    channel.send({ kind: 'console-close', id: 7 });
    expect(worker.received).toEqual([{ kind: 'console-close', id: 7 }]);
  });

  it('drops a listener of a window that has closed, and keeps the others', () => {
    const worker = new FakeWorker();
    const channel = ownChannel(worker as unknown as Worker);
    let calls = 0;
    const closedPopup = { closed: true } as Window;
    channel.listen(() => {
      calls++;
      throw new TypeError('the window has closed');
    }, closedPopup);
    const heard: number[] = [];
    channel.listen((message) => heard.push(message.id), window);
    worker.reply({ kind: 'console-ended', id: 1 });
    worker.reply({ kind: 'console-ended', id: 2 });
    expect(calls).toBe(1);
    expect(heard).toEqual([1, 2]);
  });

  it('reports a listener that throws in a window still open, and keeps it', () => {
    const worker = new FakeWorker();
    const channel = ownChannel(worker as unknown as Worker);
    const reported: unknown[] = [];
    // jsdom has no reportError; a browser's logs the error as uncaught without stopping the loop.
    vi.stubGlobal('reportError', (error: unknown) => reported.push(error));
    const heard: number[] = [];
    const bug = new Error('a bug in the page');
    channel.listen((message) => {
      heard.push(message.id);
      if (message.id === 1) throw bug;
    }, window);
    worker.reply({ kind: 'console-ended', id: 1 });
    worker.reply({ kind: 'console-ended', id: 2 });
    vi.unstubAllGlobals();
    expect(heard).toEqual([1, 2]);
    expect(reported).toEqual([bug]);
  });

  it('is offered to the windows the page opens, and found from them', () => {
    const channel = ownChannel(new FakeWorker() as unknown as Worker);
    Object.defineProperty(window, 'opener', { value: window, configurable: true });
    expect(openerChannel()).toBe(channel);
    Object.defineProperty(window, 'opener', { value: null, configurable: true });
    expect(openerChannel()).toBeUndefined();
  });
});
