// A chooser of several items (Wagtail's MultipleChooserPanel) sends the ticked items in the
// order of its listing, so ticking Wigan then Bolton would make Bolton the lead council. This
// keeps the order in which they were ticked: the checkboxes stop sending themselves, and one
// hidden input per ticked item, in that order, sends the ids instead. The hidden inputs sit
// outside the results, so they survive a search inside the modal.
(() => {
  const CHECKBOX = 'input[data-multiple-choice-select]';

  document.addEventListener('change', (event) => {
    const checkbox = event.target;
    if (!(checkbox instanceof HTMLInputElement) || !checkbox.matches(CHECKBOX)) return;
    const form = checkbox.closest('form[data-multiple-choice-form]');
    if (!form) return;
    const name = checkbox.dataset.chosenOrderName || checkbox.name || 'id';
    const hidden = [...form.querySelectorAll('input[data-chosen-order]')];
    const ticked = hidden.map((input) => input.value).filter((value) => value !== checkbox.value);
    if (checkbox.checked) ticked.push(checkbox.value);
    hidden.forEach((input) => input.remove());
    form.querySelectorAll(CHECKBOX).forEach((box) => {
      if (box.name) box.dataset.chosenOrderName = box.name;
      box.removeAttribute('name');
    });
    ticked.forEach((value) => {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      input.dataset.chosenOrder = '';
      form.append(input);
    });
  });
})();
