/**
 * The first and last step of `npm run bench`: `--start` forgets what an earlier, unfinished run recorded;
 * without it, one line per target as each benchmark of the run recorded it.
 */
import { takeTargets } from './measure';

const lines = takeTargets();
if (!process.argv.includes('--start')) {
  console.log('\n目标（每项一行）');
  for (const line of lines) console.log(line);
}
