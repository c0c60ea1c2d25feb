"""HAProxy's counters for the web hosts, from its stats socket (standard library).

python scripts/haproxy_stat.py SOCKET            # one line per server
python scripts/haproxy_stat.py SOCKET --wait-up 30   # until every server is UP
"""

import argparse
import csv
import socket
import sys
import time

BACKEND = "app"


def stats(path: str) -> list[dict]:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(path)
        sock.sendall(b"show stat\n")
        data = b"".join(iter(lambda: sock.recv(65536), b""))
    rows = csv.DictReader(data.decode().lstrip("# ").splitlines())
    return [row for row in rows if row["pxname"] == BACKEND]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("socket")
    parser.add_argument("--wait-up", type=float, default=0, help="seconds")
    args = parser.parse_args()
    if args.wait_up:
        deadline = time.monotonic() + args.wait_up
        while time.monotonic() < deadline:
            try:
                servers = [r for r in stats(args.socket) if r["svname"] != "BACKEND"]
            except OSError:
                servers = []
            if servers and all(r["status"] == "UP" for r in servers):
                return 0
            time.sleep(0.5)
        print("not every server is UP", file=sys.stderr)
        return 1
    for r in stats(args.socket):
        print(
            f"  {r['svname']:<8} sessions {r['stot']:>6}"
            f"  conn errors {r['econ'] or 0:>4}"
            f"  resp errors {r['eresp'] or 0:>4}  retries {r['wretr'] or 0:>4}"
            f"  redispatches {r['wredis'] or 0:>4}  {r['status']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
