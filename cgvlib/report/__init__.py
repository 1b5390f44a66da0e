"""Exports analysts open outside Python: the comparison and findings as an Excel workbook,
and the notice deadlines as an iCalendar file (:mod:`cgvlib.report.exports`).

A top-level entry module: it may import any layer below it.
"""
