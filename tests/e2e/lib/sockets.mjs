// What network sockets a process tree holds, read from /proc (Linux): every socket inode
// the processes have open, matched against the kernel's TCP and UDP tables.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

function readOr(path, fallback) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** Pids whose command line contains every one of `needles`. */
export function pidsMatching(...needles) {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      const cmd = readOr(`/proc/${pid}/cmdline`, '').split('\0').join(' ');
      return needles.every((n) => cmd.includes(n));
    })
    .map(Number);
}

/** `root` and all its descendants. */
export function processTree(root) {
  const parent = new Map();
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    const stat = readOr(`/proc/${d}/stat`, '');
    const m = /\) \S (\d+)/.exec(stat);
    if (m) parent.set(Number(d), Number(m[1]));
  }
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

function socketInodes(pid) {
  const inodes = new Set();
  let fds = [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return inodes;
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      // The fd closed while we looked.
    }
  }
  return inodes;
}

function parseAddress(hex, v6) {
  const [ip, port] = hex.split(':');
  let addr;
  if (!v6) {
    addr = ip.match(/../g).reverse().map((b) => parseInt(b, 16)).join('.');
  } else {
    // Four little-endian 32-bit words.
    const words = ip.match(/.{8}/g).map((w) => w.match(/../g).reverse().join(''));
    addr = words.join('').match(/.{4}/g).join(':');
  }
  return { addr, port: parseInt(port, 16) };
}

export function isLoopback(addr) {
  return (
    addr.startsWith('127.') ||
    addr === '0000:0000:0000:0000:0000:0000:0000:0001' ||
    addr.startsWith('0000:0000:0000:0000:0000:ffff:7f') // ::ffff:127.x
  );
}

/** The inet sockets (TCP/UDP, v4/v6) the process tree rooted at `root` holds. */
export function inetSockets(root) {
  const inodes = new Set();
  const pids = processTree(root);
  for (const pid of pids) for (const i of socketInodes(pid)) inodes.add(i);
  const found = [];
  for (const proto of ['tcp', 'tcp6', 'udp', 'udp6']) {
    const lines = readOr(`/proc/net/${proto}`, '').trim().split('\n').slice(1);
    for (const line of lines) {
      const f = line.trim().split(/\s+/);
      if (!inodes.has(f[9])) continue;
      const v6 = proto.endsWith('6');
      found.push({ proto, local: parseAddress(f[1], v6), remote: parseAddress(f[2], v6), state: f[3] });
    }
  }
  return { pids, sockets: found };
}
