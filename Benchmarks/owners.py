"""Who a profile's time belongs to: cadre's own code or the libraries it is built on.

Reads `perf script -F ip,sym,dso` (call stacks, leaf first) on standard input. Each sample goes
to the first frame, from the leaf up, that belongs to a known owner: the Swift runtime, the
standard library and the C library (retain/release, malloc, string appends, casts…) have no
owner of their own, so their time goes to the code that called them. Prints the share of each
owner, then cadre's own functions that take the most (with `swift demangle` when it is there).

This is the floor of issue 15: what cadre could save by its own code alone is its share.
"""

import collections
import shutil
import subprocess
import sys


def owner(symbol, library):
    if "kernel" in library:
        return "noyau (fichiers, mémoire)"
    if symbol.startswith("yaml_") or "libyaml" in library:
        return "libyaml"
    if symbol.startswith("cmark") or "cmark" in library:
        return "cmark-gfm"
    if symbol.startswith("$s4Yams"):
        return "Yams"
    if symbol.startswith("$s8Mustache"):
        return "swift-mustache"
    if symbol.startswith("$s5Cadre"):
        return "cadre"
    if "Foundation" in symbol[:25] or "Foundation" in library:
        return "Foundation"
    return None


def samples(lines):
    stack = []
    for line in lines:
        line = line.strip()
        if not line:
            if stack:
                yield stack
            stack = []
            continue
        parts = line.split(" ", 1)
        if len(parts) < 2:
            continue
        symbol, _, library = parts[1].rpartition(" (")
        stack.append((symbol or parts[1], library))
    if stack:
        yield stack


def percent(count, total):
    return f"{100 * count / total:.1f} %".replace(".", ",")


def main():
    owners, functions, total = collections.Counter(), collections.Counter(), 0
    for stack in samples(sys.stdin):
        total += 1
        for symbol, library in stack:
            found = owner(symbol, library)
            if found:
                owners[found] += 1
                if found == "cadre":
                    functions[symbol] += 1
                break
        else:
            owners["sans propriétaire (exécution Swift, libc)"] += 1
    if not total:
        sys.exit("owners.py : aucun échantillon (perf script n'a rien donné)")
    print(f"| propriétaire | part des {total} échantillons |")
    print("|---|---|")
    for name, count in owners.most_common():
        print(f"| {name} | {percent(count, total)} |")
    print()
    print("| fonction de cadre (avec ce qu'elle appelle hors bibliothèques) | part |")
    print("|---|---|")
    top = functions.most_common(25)
    names = [symbol for symbol, _ in top]
    if shutil.which("swift"):
        demangled = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(names), capture_output=True, text=True).stdout.splitlines()
        if len(demangled) == len(names):
            names = demangled
    for name, (_, count) in zip(names, top):
        print(f"| `{name[:110]}` | {percent(count, total)} |")


if __name__ == "__main__":
    main()
