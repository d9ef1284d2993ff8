/**
 * `npm run bench`: speed and memory figures against their targets. Prints a table and
 * writes bench-results.json. Benchmarks talk to 127.0.0.1 only.
 */
import { writeFileSync } from 'node:fs';
import { consoleFigures } from './console';
import { consoleTabFigures } from './console-tab';
import { memoryFigures } from './memory';
import { performanceTabFigures } from './performance-tab';
import { type Figures, printTable } from './report';
import { simConsoleFigures } from './sim-console';
import { simulatorFigures } from './simulator';

const figures: Figures = {
  ...(await simulatorFigures()),
  ...(await simConsoleFigures()),
  ...(await consoleFigures()),
  ...(await memoryFigures()),
  ...(await performanceTabFigures()),
  ...(await consoleTabFigures()),
};

printTable(figures);
writeFileSync('bench-results.json', `${JSON.stringify(figures, null, 2)}\n`);
console.log('\nwrote bench-results.json');
