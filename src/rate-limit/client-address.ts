import { isIPv6 } from 'node:net';

/**
 * Who the rate limit counts a request against. An IPv4 client is its address, also when a dual-stack listener
 * reports it as ::ffff:a.b.c.d. An IPv6 client is its /64 network: one subscriber usually holds a whole /64, and
 * counting each address apart would let it take a fresh allowance with every address it picks.
 */
export function clientOf(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const address = ip.split('%')[0];
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
