"""The PDFs: each worksheet's and feedback form's two PDFs and the packets (`worksheets.py`,
`forms.py`), and the handbook and its editions as chapters laid out in parts (`book.py`,
`chapters.py`, `handbook.py`, `editions.py`): what pdf/ lays out."""
