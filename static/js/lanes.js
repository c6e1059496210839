// Lanes by topic: the arrow keys move between marks, as along a timeline. Left and right go to
// the previous or next mark of the topic's row; up and down to the mark nearest in time on the
// row above or below. Tab still reaches every mark without them.
const ARROWS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"];

function marksOf(row) {
  return row ? Array.from(row.querySelectorAll(".lane-track a")) : [];
}

function centre(mark) {
  const box = mark.getBoundingClientRect();
  return box.x + box.width / 2;
}

function markFrom(mark, key) {
  const row = mark.closest("tr");
  if (key === "ArrowLeft" || key === "ArrowRight") {
    const marks = marksOf(row);
    return marks[marks.indexOf(mark) + (key === "ArrowRight" ? 1 : -1)];
  }
  const other = key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling;
  const distance = (candidate) => Math.abs(centre(candidate) - centre(mark));
  return marksOf(other).sort((a, b) => distance(a) - distance(b))[0];
}

document.addEventListener("keydown", (event) => {
  const mark = event.target instanceof Element && event.target.closest(".lane-track a");
  if (!mark || !ARROWS.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const next = markFrom(mark, event.key);
  if (next) {
    next.focus();
    event.preventDefault();
  }
});
