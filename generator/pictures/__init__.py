"""Pictures of a proposal (service flowchart, organisation chart) drawn as PNG with Pillow.

Pillow rather than matplotlib: it is already installed (pdfplumber depends on it), its licence is
the permissive MIT-CMU (HPND), it is released quarterly by a large team, it imports in ~10 ms
(matplotlib with numpy: ~300 ms and ~40 MB more to install) and it writes a PNG with no
timestamp or software chunk, so the same chart gives the same bytes. Boxes, arrows and wrapped
text are all these charts need.
"""

CHART_WIDTH_CM = 15.5  # inside the 15.9 cm text width of the A4 template (here: known without importing Pillow)
