"""A reader for the small subset of YAML that compose.yaml is written in.

PyYAML is not a dependency of the site, and there is no Docker here to run
``docker compose config``; this reads what compose.yaml uses and refuses
anything else (so that the test cannot pass on a file it misread):

- block mappings (``key: value``, ``key:`` followed by an indented block);
- block sequences of scalars (``- value``);
- scalars: plain, "double-quoted" (JSON rules), 'single-quoted', integers;
- flow sequences and mappings written as JSON (``["CMD", "redis-cli", "ping"]``, ``{}``);
- comments; anchors on a mapping (``x-app: &app``) and merge keys (``<<: *app``).
"""

import json
import re

KEY = re.compile(r"(?P<key>[A-Za-z0-9_.<-][A-Za-z0-9_.<-]*):(?: +(?P<rest>.*))?$")


class YamlSubsetError(ValueError):
    pass


def strip_comment(line):
    quote = None
    for index, char in enumerate(line):
        if quote:
            if char == quote and not (quote == '"' and line[index - 1] == "\\"):
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] == " "):
            return line[:index].rstrip()
    return line.rstrip()


def scalar(text, number):
    if text.startswith('"'):
        return json.loads(text)
    if text.startswith("'"):
        if not text.endswith("'") or len(text) < 2:
            raise YamlSubsetError(f"line {number}: unterminated quote: {text}")
        return text[1:-1].replace("''", "'")
    if text.startswith(("[", "{")):
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise YamlSubsetError(f"line {number}: flow collections must be JSON here: {text}") from error
    if text.startswith(("&", "*", "!", "|", ">", "%", "@", "`")):
        raise YamlSubsetError(f"line {number}: not in the subset: {text}")
    if re.fullmatch(r"-?[0-9]+", text):
        return int(text)
    return text


def loads(source):
    lines = []
    for number, raw in enumerate(source.splitlines(), start=1):
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise YamlSubsetError(f"line {number}: tab in indentation")
        text = strip_comment(raw)
        if text.strip():
            lines.append((len(text) - len(text.lstrip(" ")), text.strip(), number))
    anchors = {}

    def block(index, indent):
        if lines[index][1].startswith("- ") or lines[index][1] == "-":
            return sequence(index, indent)
        return mapping(index, indent)

    def sequence(index, indent):
        items = []
        while index < len(lines) and lines[index][0] == indent and lines[index][1].startswith("-"):
            _, text, number = lines[index]
            item = text[1:].strip()
            if not text.startswith("- ") or item.startswith("-") or KEY.match(item):
                raise YamlSubsetError(f"line {number}: only sequences of scalars are in the subset: {text}")
            items.append(scalar(item, number))
            index += 1
        return items, index

    def mapping(index, indent):
        explicit, merged = {}, {}
        while index < len(lines) and lines[index][0] == indent:
            _, text, number = lines[index]
            match = KEY.match(text)
            if not match:
                raise YamlSubsetError(f"line {number}: expected 'key: value': {text}")
            key, rest = match["key"], (match["rest"] or "").strip()
            index += 1
            if key in explicit:
                raise YamlSubsetError(f"line {number}: duplicate key {key}")
            if key == "<<":
                if not rest.startswith("*") or rest[1:] not in anchors:
                    raise YamlSubsetError(f"line {number}: merge of an unknown anchor: {rest}")
                merged.update(anchors[rest[1:]])
                continue
            anchor = None
            if rest.startswith("&"):
                anchor, _, rest = rest[1:].partition(" ")
                rest = rest.strip()
            if rest:
                value = scalar(rest, number)
            elif index < len(lines) and lines[index][0] > indent:
                value, index = block(index, lines[index][0])
            elif index < len(lines) and lines[index][0] == indent and lines[index][1].startswith("- "):
                value, index = sequence(index, indent)  # a sequence may sit at its key's indent
            else:
                value = None
            if anchor:
                anchors[anchor] = value
            explicit[key] = value
        if index < len(lines) and lines[index][0] > indent:
            raise YamlSubsetError(f"line {lines[index][2]}: unexpected indentation")
        return {**merged, **explicit}, index

    if not lines:
        return None
    document, index = block(0, lines[0][0])
    if index != len(lines):
        raise YamlSubsetError(f"line {lines[index][2]}: unexpected text")
    return document
