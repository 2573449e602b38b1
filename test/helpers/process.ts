// The real server as a child process (`node src/main.ts`), for tests of what crosses
// process boundaries: signals, several nodes.
import { spawn, type ChildProcess } from 'node:child_process';

const root = new URL('../../', import.meta.url);

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  stop(): Promise<void>;
}

export async function startProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', COLLOQUY_SECRET: 'test-secret-that-is-at-least-32-characters-long', DEMO_ALTCHA: 'false', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${output}`)));
  });
  child.stdout!.resume();
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      // Already gone: exited, or killed by a signal (exitCode stays null then).
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
