#!/usr/bin/env python3
"""Counts what issue #21 measures in the Swift sources, reproducibly:

- `public` declarations without a doc comment (`///` or `/** */` on the lines above,
  attributes such as `@inlinable` between allowed);
- force unwraps (`x!`, `f()!`, `a[i]!`, `as!`, `try!`) outside comments and string literals;
- functions (`func`, `init`, `deinit`, `subscript`; closures and accessors count with the
  function that holds them) of more than 60 lines of code, from the declaration's line to
  its closing brace (blank and comment-only lines not counted).

    tools/count-code.py [--list] [FOLDER ...]     (default: Sources)

Prints the three counts; --list also names each finding as file:line.
"""
import os
import re
import sys

LONG = 60
DECLARATION = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:open|public)\s+)(?:(?:static|final|override|mutating|nonmutating|"
                         r"convenience|required|indirect|nonisolated|lazy|class)\s+)*"
                         r"(?:func|var|let|init|subscript|struct|enum|class|protocol|typealias|actor|extension|case)\b")
FUNCTION = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|open|static|final|override|mutating|"
                      r"nonmutating|convenience|required|nonisolated|class)\s+)*(?:func\s+\S|init[?!]?\s*[(<]|deinit\b|subscript\s*[(<])")


def code_only(lines):
    """The lines with comments and string literals blanked (quotes kept), multi-line strings too."""
    out, in_block, in_multi = [], False, False
    for line in lines:
        result, i = [], 0
        while i < len(line):
            if in_block:
                end = line.find("*/", i)
                if end < 0:
                    i = len(line)
                    continue
                in_block, i = False, end + 2
                continue
            if in_multi:
                end = line.find('"""', i)
                if end < 0:
                    i = len(line)
                    continue
                in_multi, i = False, end + 3
                result.append('""')
                continue
            if line.startswith("//", i):
                break
            if line.startswith("/*", i):
                in_block, i = True, i + 2
                continue
            if line.startswith('"""', i):
                in_multi, i = True, i + 3
                continue
            if line[i] == '"':
                j, depth = i + 1, 0
                while j < len(line):
                    if line[j] == "\\" and line.startswith("\\(", j):
                        depth += 1
                        j += 2
                        continue
                    if line[j] == "\\":
                        j += 2
                        continue
                    if line[j] == ")" and depth > 0:
                        depth -= 1
                    elif line[j] == '"' and depth == 0:
                        break
                    j += 1
                result.append('""')
                i = j + 1
                continue
            result.append(line[i])
            i += 1
        out.append("".join(result))
    return out


def documented(raw, index):
    """True if the declaration at `index` has a doc comment above it."""
    j = index - 1
    while j >= 0 and raw[j].strip().startswith("@"):
        j -= 1
    if j < 0:
        return False
    above = raw[j].strip()
    return above.startswith("///") or above.endswith("*/") and "/**" in "".join(raw[max(0, j - 40):j + 1])


FORCE = re.compile(r"(?:[\w)\]]!(?!=))|(?:\bas!)|(?:\btry!)")


def count(path, findings):
    with open(path, encoding="utf-8") as f:
        raw = f.read().split("\n")
    code = code_only(raw)
    for i, line in enumerate(code):
        if DECLARATION.match(line) and not re.match(r"^\s*(?:public\s+)?extension\b", line) and not documented(raw, i):
            findings["undocumented public"].append(f"{path}:{i + 1}")
        # `x!`, `f()!`, `a[i]!` (not `!=`), `as!`, `try!`; `!x` (negation) is not matched.
        for match in FORCE.finditer(line):
            findings["force unwraps"].append(f"{path}:{i + 1}")
        if FUNCTION.match(line) and "{" in line[FUNCTION.match(line).end() - 1:] + "".join(code[i + 1:i + 6]):
            depth, started, end = 0, False, None
            for k in range(i, len(code)):
                for ch in code[k]:
                    if ch == "{":
                        depth, started = depth + 1, True
                    elif ch == "}":
                        depth -= 1
                        if started and depth == 0:
                            end = k
                            break
                if end is not None:
                    break
                if not started and k > i and re.search(r"^\s*(?:func|var|let|case|}|@)", code[k]):
                    break  # a requirement without a body (a protocol's)
            if end is not None:
                lines = sum(1 for k in range(i, end + 1) if code[k].strip())
                if lines > LONG:
                    findings[f"functions over {LONG} lines"].append(f"{path}:{i + 1} ({lines} lines)")


def main():
    args = [a for a in sys.argv[1:] if a != "--list"]
    folders = args or [os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Sources")]
    findings = {"undocumented public": [], "force unwraps": [], f"functions over {LONG} lines": []}
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                if name.endswith(".swift"):
                    count(os.path.join(root, name), findings)
    for kind, found in findings.items():
        print(f"{kind}: {len(found)}")
        if "--list" in sys.argv:
            for where in found:
                print("  " + os.path.relpath(where.split(":")[0]) + ":" + where.split(":", 1)[1])


if __name__ == "__main__":
    main()
