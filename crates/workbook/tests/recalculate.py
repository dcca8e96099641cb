#!/usr/bin/python3
"""LibreOffice, headless, as the workbook's independent spreadsheet engine.

Reads jobs as JSON on standard input: [{"file": ..., "read": [names], "changes": {name: value}}].
For each job it opens the workbook, recalculates every formula (calculateAll: nothing is
taken from the cached results), reads the named cells, then sets the changed inputs,
recalculates again and reads them once more. Writes
[{"before": {name: value}, "after": {name: value}, "formula": {name: bool}}] to standard output.
A value is a number, or a string when the cell shows text (an empty break-even).
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def start_office(profile):
    pipe = "bascule_%d" % os.getpid()
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(600):
        try:
            context = resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
            )
            desktop = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context
            )
            return office, desktop
        except NoConnectException:
            if office.poll() is not None:
                raise SystemExit("soffice exited with %s" % office.returncode)
            time.sleep(0.1)
    raise SystemExit("soffice did not answer within 60 s")


def cell_of(document, name):
    return document.NamedRanges.getByName(name).getReferredCells().getCellByPosition(0, 0)


def read(document, names):
    values = {}
    for name in names:
        cell = cell_of(document, name)
        kind = cell.getType().value  # EMPTY, VALUE, TEXT or FORMULA
        if kind == "FORMULA" and cell.getError() != 0:
            values[name] = "#ERR%d" % cell.getError()
        elif kind == "FORMULA":
            # com.sun.star.sheet.FormulaResult: VALUE 1, STRING 2, ERROR 4.
            text = cell.FormulaResultType2 == 2
            values[name] = cell.getString() if text else cell.getValue()
        elif kind == "VALUE":
            values[name] = cell.getValue()
        else:
            values[name] = cell.getString()
    return values


def main():
    jobs = json.load(sys.stdin)
    results = []
    with tempfile.TemporaryDirectory() as profile:
        office, desktop = start_office(profile)
        try:
            for job in jobs:
                hidden = PropertyValue(Name="Hidden", Value=True)
                url = uno.systemPathToFileUrl(os.path.abspath(job["file"]))
                document = desktop.loadComponentFromURL(url, "_blank", 0, (hidden,))
                try:
                    document.calculateAll()
                    names = job["read"]
                    result = {
                        "before": read(document, names),
                        "formula": {
                            n: cell_of(document, n).getType().value == "FORMULA" for n in names
                        },
                    }
                    for name, value in job.get("changes", {}).items():
                        cell_of(document, name).setValue(value)
                    document.calculateAll()
                    result["after"] = read(document, names)
                    results.append(result)
                finally:
                    document.close(True)
        finally:
            try:
                desktop.terminate()
            except Exception:
                pass
            office.wait(timeout=60)
    json.dump(results, sys.stdout)


main()
