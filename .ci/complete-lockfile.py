#!/usr/bin/env python3
"""Adds lockfile entries for optional platform packages that the registry mirror does not serve.

`npm install` skips an optional dependency it cannot fetch (rollup's and @node-rs/jieba's builds for other
platforms, missing from this environment's registry) and leaves it out of package-lock.json; `npm ci`
then refuses the lockfile as out of sync. An entry with the package's os/cpu lets `npm ci` skip it as
a platform mismatch. Run after `npm install` whenever package-lock.json changes:
    npm ci --dry-run 2>&1 | grep 'Missing:' | awk '{print $4}' | python3 .ci/complete-lockfile.py
"""
import json
import re
import sys

OS_NAMES = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openbsd', 'openharmony', 'sunos', 'aix', 'netbsd']
CPU = re.compile(r'-(arm64|x64|ia32|arm|riscv64|s390x|ppc64|loong64|mips64el|wasm32)(-|$)')

lock = json.load(open('package-lock.json'))
packages = lock['packages']
wanted = {}
for meta in packages.values():
    for name, version in (meta.get('optionalDependencies') or {}).items():
        wanted.setdefault(name, version)
added = 0
for line in sys.stdin:
    spec = line.strip()
    if not spec:
        continue
    name = spec[: spec.rindex('@')] if spec.count('@') > 1 or not spec.startswith('@') else spec.rstrip('@')
    key = 'node_modules/' + name
    if key in packages or name not in wanted:
        continue
    entry = {'version': wanted[name], 'optional': True}
    base = name.split('/')[-1]
    for os_name in OS_NAMES:
        if f'-{os_name}-' in base or base.endswith('-' + os_name):
            entry['os'] = [os_name]
            break
    cpu = CPU.search(base)
    if cpu:
        entry['cpu'] = [cpu.group(1)]
    packages[key] = entry
    added += 1
lock['packages'] = dict(sorted(packages.items(), key=lambda item: (item[0] != '', item[0])))
with open('package-lock.json', 'w') as out:
    json.dump(lock, out, indent=2)
    out.write('\n')
print(f'added {added} lockfile entries', file=sys.stderr)
