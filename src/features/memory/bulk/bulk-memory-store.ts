/**
 * Which VMs the bulk memory editor is open for: the tree's menu opens it, the dialog
 * that src/app renders once reads it. Small UI state, so a zustand store of its own.
 */
import { create } from 'zustand';

export interface BulkMemoryRequest {
  poolId: string;
  refs: readonly string[];
}

export const useBulkMemoryRequest = create<{ request: BulkMemoryRequest | null }>(() => ({ request: null }));

export const bulkMemory = {
  open(request: BulkMemoryRequest) {
    useBulkMemoryRequest.setState({ request });
  },
  close() {
    useBulkMemoryRequest.setState({ request: null });
  },
};
