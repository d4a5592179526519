"""The PDFs: print views -> WeasyPrint -> worksheets, packets and the joined handbook."""
