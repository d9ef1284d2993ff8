/**
 * The little of the file system a console session needs: the working directory, the
 * top-level directories, and the /proc and /etc files whose contents come from the model.
 */

export type FileTable = Readonly<Record<string, () => string>>;

const HOME = '/root';

const TOP_LEVEL = [
  'bin',
  'boot',
  'dev',
  'etc',
  'home',
  'lib',
  'lib64',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
];

/** Resolves `path` against `cwd`: ~, . and .. as a shell and the kernel treat them. */
export function resolvePath(cwd: string, path: string): string {
  const absolute = path.startsWith('~') ? HOME + path.slice(1) : path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const part of absolute.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export class FileSystemView {
  constructor(
    private readonly files: FileTable,
    /** Extra top-level directories (mount points such as /data). */
    private readonly mounts: string[] = [],
  ) {}

  /** The entries of a directory, or undefined if there is no such directory. */
  list(dir: string): string[] | undefined {
    const inside = Object.keys(this.files)
      .filter((file) => file.startsWith(dir === '/' ? '/' : `${dir}/`))
      .map((file) => file.slice(dir === '/' ? 1 : dir.length + 1).split('/')[0]);
    if (dir === '/') return [...new Set([...TOP_LEVEL, ...this.mounts, ...inside])].sort();
    const known = TOP_LEVEL.includes(dir.slice(1)) || this.mounts.includes(dir.slice(1)) || inside.length > 0;
    return known ? [...new Set(inside)].sort() : undefined;
  }

  read(path: string): string | undefined {
    return this.files[path]?.();
  }

  isDirectory(path: string): boolean {
    return this.list(path) !== undefined;
  }
}

/** ls, in the short form a terminal shows: names in a row. */
export function ls(fs: FileSystemView, cwd: string, args: string[]): string {
  const paths = args.filter((a) => !a.startsWith('-'));
  const out: string[] = [];
  for (const arg of paths.length ? paths : ['.']) {
    const path = resolvePath(cwd, arg);
    const entries = fs.list(path);
    if (entries) {
      if (paths.length > 1) out.push(`${arg}:`);
      if (entries.length) out.push(entries.join('  '));
    } else if (fs.read(path) !== undefined) out.push(arg);
    else out.push(`ls: cannot access '${arg}': No such file or directory`);
  }
  return out.join('\n');
}

export function cat(fs: FileSystemView, cwd: string, args: string[], stdin?: string): string {
  if (args.length === 0) return stdin ?? '';
  return args
    .map((arg) => {
      const path = resolvePath(cwd, arg);
      if (fs.isDirectory(path)) return `cat: ${arg}: Is a directory`;
      const text = fs.read(path);
      return text === undefined ? `cat: ${arg}: No such file or directory` : text.replace(/\n$/, '');
    })
    .join('\n');
}
