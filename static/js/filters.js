// The filter form and the address bar in step. All of it is optional: without JavaScript the
// form is a plain GET form and every view a page of its own.

const FILTER_FORMS = "form.filters[hx-get]";

// Keep permalinks short: leave empty filter fields out of the URL htmx requests and pushes.
document.addEventListener("htmx:configRequest", (event) => {
  const parameters = event.detail.parameters;
  for (const [name, value] of Array.from(parameters.entries())) {
    if (value === "") parameters.delete(name);
  }
});

// Typing asks for results after a pause; leaving the words box then says "changed" once more,
// which would ask for the same results again and replace the ones a click (a period of the
// activity strip, a page of results) is already bringing: that "change" goes no further.
document.addEventListener(
  "change",
  (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "search") {
      event.stopPropagation();
    }
  },
  true,
);

// A date box holds a valid date at every digit of its year (0002, 0020, 0202, 2024) and says
// "changed" each time: ask for results only once the date is complete, so that one change
// makes one request and one history entry. A box emptied on purpose is a change too.
function isCompleteDate(input) {
  if (input.value === "") return !input.validity.badInput;
  return Number(input.value.slice(0, 4)) >= 1000;
}

document.addEventListener("htmx:confirm", (event) => {
  const changed = event.detail.triggeringEvent?.target;
  if (changed instanceof HTMLInputElement && changed.type === "date" && !isCompleteDate(changed)) {
    event.preventDefault();
  }
});

// Every field shows what the address says: after Back, Forward or a reload (the page htmx
// restores, or the browser's remembered form, may hold what was typed later), and after a
// link outside the form (a period of the activity strip, a page of results) changed the view.
function showAddressInForms(search) {
  const params = new URLSearchParams(search);
  for (const form of document.querySelectorAll(FILTER_FORMS)) {
    for (const field of form.elements) {
      if (!field.name || field.type === "submit") continue;
      const value = params.get(field.name) ?? "";
      if (field.value !== value) field.value = value;
    }
  }
}

// Facet counts that follow a fragment (data-counts-loader) belong to that fragment's view: once
// any other request is on its way, or Back or Forward leaves the view, counts still coming
// would be for a view the reader has left.
function stopCountsOnTheirWay() {
  for (const loader of document.querySelectorAll("[data-counts-loader]")) {
    htmx.trigger(loader, "htmx:abort");
  }
}
document.addEventListener("htmx:beforeRequest", (event) => {
  const elt = event.detail.elt;
  if (!(elt instanceof Element && elt.matches("[data-counts-loader]"))) stopCountsOnTheirWay();
});
window.addEventListener("popstate", stopCountsOnTheirWay);

let formAsked = false;
document.addEventListener("htmx:beforeRequest", (event) => {
  formAsked = event.detail.elt instanceof Element && event.detail.elt.matches(FILTER_FORMS);
});
document.addEventListener("htmx:pushedIntoHistory", (event) => {
  // The form's own request leaves it alone: its words may have grown since it was sent.
  if (!formAsked) showAddressInForms(new URL(event.detail.path, location.href).search);
});
document.addEventListener("htmx:historyRestore", () => showAddressInForms(location.search));
window.addEventListener("popstate", () => showAddressInForms(location.search));
window.addEventListener("pageshow", () => showAddressInForms(location.search));
showAddressInForms(location.search);

// The filters fold behind a "Filters" button on phones only; where the stylesheet cannot show
// an unfolded panel's contents itself, it is opened here on wider screens.
if (!CSS.supports("selector(::details-content)") && matchMedia("(min-width: 600px)").matches) {
  for (const panel of document.querySelectorAll(".filter-panel")) panel.open = true;
}
