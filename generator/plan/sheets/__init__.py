"""Spreadsheets planned as rows (sheets.py writes them): the pair tracker, each feedback form's
XLSForm and the question bank."""
