import http from 'node:http';

export interface EventStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Everything received so far, as text. */
  text: () => string;
  /** The data of the next `event: call` after those already taken, or a failure after `ms`. */
  nextCall: (ms?: number) => Promise<Record<string, unknown>>;
  close: () => void;
}

/** A Server-Sent Events client over node:http, as a waiting-room screen would connect. */
export function openEventStream(url: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      let received = '';
      let taken = 0;
      const waiters: (() => void)[] = [];
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        received += chunk;
        waiters.splice(0).forEach((wake) => wake());
      });
      const calls = () =>
        received
          .slice(0, received.lastIndexOf('\n\n'))
          .split('\n\n')
          .filter((block) => block.startsWith('event: call\n'))
          .map((block) => JSON.parse(block.split('\ndata: ')[1]) as Record<string, unknown>);
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        text: () => received,
        nextCall: (ms = 2000) =>
          new Promise((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`no call within ${ms} ms; got: ${received}`)), ms);
            const look = () => {
              const all = calls();
              if (all.length > taken) {
                clearTimeout(timer);
                done(all[taken++]);
              } else waiters.push(look);
            };
            look();
          }),
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}
