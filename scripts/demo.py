#!/usr/bin/env python3
"""Start the patched qemu-system-riscv64 with a QMP socket and show a short,
readable session of the CPU-model probing API.

Uses QEMU's own Python QMP library from the assembled base tree.
usage: demo.py QEMU_BINARY QEMU_PYTHON_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import time

qemu, pydir = sys.argv[1], sys.argv[2]
sys.path.insert(0, pydir)
from qemu.qmp.legacy import QEMUMonitorProtocol  # noqa: E402

# Each step: a title and the QMP command with its arguments.
STEPS = [
    ("Which CPU models exist, and what blocks each one here",
     "query-cpu-definitions", {}),
    ("Every property of rv64, with its effective value",
     "query-cpu-model-expansion",
     {"type": "full", "model": {"name": "rv64"}}),
    ("What libvirt asks under TCG: max as a static base plus a delta",
     "query-cpu-model-expansion",
     {"type": "static", "model": {"name": "max"}}),
    ("rv64 with the vector extension and a 256-bit VLEN, as a static delta",
     "query-cpu-model-expansion",
     {"type": "static",
      "model": {"name": "rv64", "props": {"v": True, "vlen": 256}}}),
    ("Can a guest configured for rva22u64 run where rva23u64 runs?",
     "query-cpu-model-comparison",
     {"modela": {"name": "rva22u64"}, "modelb": {"name": "rva23u64"}}),
    ("Two hosts, one with a 256-bit VLEN: why they are incompatible",
     "query-cpu-model-comparison",
     {"modela": {"name": "rv64", "props": {"v": True}},
      "modelb": {"name": "rv64", "props": {"v": True, "vlen": 256}}}),
    ("A model that runs on both rva23s64 and a sifive-u54",
     "query-cpu-model-baseline",
     {"modela": {"name": "rva23s64"}, "modelb": {"name": "sifive-u54"}}),
    ("What each property of rv64 is: type, values, implies, requires",
     "query-cpu-props-info", {"model": {"name": "rv64"}}),
    ("A refused request: the error names the property and the reason",
     "query-cpu-model-expansion",
     {"type": "full", "model": {"name": "rv64", "props": {"vlen": 100}}}),
]

PROPS_INFO_SHOWN = ("v", "vlen", "rva22u64", "zfh", "pmu-mask", "zicfiss",
                    "priv_spec")


def show_props(props, limit=12):
    """key=value words, wrapped, with at most @limit lines."""
    words = [f"{k}={json.dumps(v)}" for k, v in sorted(props.items())]
    lines, line = [], "    "
    for w in words:
        if len(line) + len(w) > 78:
            lines.append(line.rstrip())
            line = "    "
        line += w + " "
    lines.append(line.rstrip())
    if len(lines) > limit:
        lines = lines[:limit] + [f"    ... ({len(lines) - limit} more lines)"]
    return "\n".join(lines)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, "qmp.sock")
        args = [qemu, "-machine", "none", "-nodefaults", "-display", "none",
                "-qmp", f"unix:{sock},server=on,wait=off"]
        log = os.path.join(os.path.dirname(os.path.realpath(qemu)),
                           "..", "demo-qemu.log")
        print("$ " + " ".join(args) + " 2>build/demo-qemu.log")
        proc = subprocess.Popen(args, stderr=open(log, "w"))
        try:
            for _ in range(100):
                if os.path.exists(sock):
                    break
                time.sleep(0.05)
            qmp = QEMUMonitorProtocol(sock)
            greeting = qmp.connect(negotiate=True)
            ver = greeting["QMP"]["version"]
            print(f"QMP greeting: QEMU {ver['qemu']['major']}."
                  f"{ver['qemu']['minor']}.{ver['qemu']['micro']} "
                  f"{ver['package'].strip()}\n")
            for title, cmd, args in STEPS:
                req = {"execute": cmd}
                if args:
                    req["arguments"] = args
                print(f"## {title}")
                print("-> " + json.dumps(req))
                resp = qmp.cmd_obj(req)
                if "return" in resp:
                    ret = resp["return"]
                    if cmd == "query-cpu-definitions":
                        ret = sorted(ret, key=lambda d: d["name"])
                        print(f"<- {len(ret)} models:")
                        for d in ret:
                            extra = ""
                            if "unavailable-features" in d:
                                extra = (" unavailable-features="
                                         + json.dumps(d["unavailable-features"]))
                            print(f"     {d['name']:<22} static={str(d['static']).lower():<5}"
                                  f"{extra}")
                    elif cmd == "query-cpu-props-info":
                        print(f"<- {len(ret)} properties; a few of them:")
                        for d in ret:
                            if d["name"] in PROPS_INFO_SHOWN:
                                print("     " + json.dumps(d))
                    elif cmd == "query-cpu-model-comparison":
                        print(f"<- {ret['result']}, because of: "
                              + " ".join(ret["responsible-properties"]))
                    else:
                        props = ret.get("model", {}).get("props", {})
                        print(f"<- model {ret['model']['name']!r}, "
                              f"{len(props)} properties:")
                        print(show_props(props))
                        if ret.get("deprecated-props"):
                            print("   deprecated-props: "
                                  + " ".join(ret["deprecated-props"]))
                else:
                    print(f"<- error: {resp['error']['desc']}")
                print()
            try:
                qmp.cmd("quit")
                qmp.close()
            except (EOFError, ConnectionError):
                pass    # QEMU may close the socket before its reply to quit
        finally:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
