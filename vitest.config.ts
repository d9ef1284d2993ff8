import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    // Node 20 has the standard WebSocket client only behind this flag (Node 22 turns it on):
    // console tests connect with it, and msw intercepts it for the simulator's console.
    execArgv: ['--experimental-websocket'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
