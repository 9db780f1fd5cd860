/** The repository's root: the nearest folder up with a package.json, from src/ or dist/src/. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function repositoryRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
