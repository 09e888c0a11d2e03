// The councils' chooser (Wagtail's MultipleChooserPanel) sends the ticked councils in the order
// of its listing, so ticking Wigan then Bolton would make Bolton the lead council. This keeps
// the order in which they were ticked: the checkboxes stop sending themselves, and one hidden
// input per ticked council, in that order, sends the ids instead (CouncilsInOrderChosenView on
// the server answers in the order sent). The hidden inputs sit outside the results, so a search
// inside the modal keeps them; councils ticked before a search show ticked when they reappear.
(() => {
  const CHECKBOX = 'input[data-multiple-choice-select]';
  const FORM = 'form[data-multiple-choice-form]';

  const isCouncilChooser = (form) =>
    form.getAttribute('action').includes('/wagtail_casestudies/council/');
  const held = (form) => [...form.querySelectorAll('input[data-chosen-order]')];

  function keep(form) {
    // Checkboxes send nothing by themselves; ticked ones show as ticked.
    const ticked = new Set(held(form).map((input) => input.value));
    form.querySelectorAll(CHECKBOX).forEach((box) => {
      box.removeAttribute('name');
      if (ticked.has(box.value) && !box.checked) {
        box.checked = true;
        box.dispatchEvent(new Event('change', { bubbles: true })); // Wagtail counts it
      }
    });
    // Councils ticked before a search still count for the confirm button.
    const submit = form.querySelector('[data-multiple-choice-submit]');
    if (submit && ticked.size) submit.removeAttribute('disabled');
  }

  document.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.matches(CHECKBOX)) return;
    const form = box.closest(FORM);
    if (!form || !isCouncilChooser(form)) return;
    const inputs = held(form);
    const existing = inputs.find((input) => input.value === box.value);
    if (box.checked && !existing) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'id';
      input.value = box.value;
      input.dataset.chosenOrder = '';
      form.append(input);
    } else if (!box.checked && existing) {
      existing.remove();
    }
    keep(form);
  });

  // A search or another page of results replaces the checkboxes.
  new MutationObserver(() => {
    document.querySelectorAll(FORM).forEach((form) => {
      if (isCouncilChooser(form) && held(form).length) keep(form);
    });
  }).observe(document.body, { childList: true, subtree: true });
})();
