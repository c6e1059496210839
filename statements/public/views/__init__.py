"""Public pages, one module per kind of page; `filtered` is the road every list shares."""
