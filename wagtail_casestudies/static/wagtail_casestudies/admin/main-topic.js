// The main topic is one of the ticked topics: offer only those, and follow the ticks.
(() => {
  function follow(select) {
    const form = select.form;
    const boxes = () => [...form.querySelectorAll(`input[name="${select.dataset.casestudiesMainTopic}"]`)];
    const update = () => {
      const ticked = new Set(boxes().filter((box) => box.checked).map((box) => box.value));
      for (const option of select.options) {
        if (!option.value) continue;
        const offered = ticked.has(option.value);
        option.hidden = !offered;
        option.disabled = !offered;
      }
      if (select.value && !ticked.has(select.value)) select.value = "";
      // The first ticked topic is the main one until the editor chooses another.
      if (!select.value && ticked.size) select.value = [...ticked][0];
    };
    form.addEventListener("change", (event) => {
      if (event.target.name === select.dataset.casestudiesMainTopic) update();
    });
    update();
  }
  const start = () => document.querySelectorAll("select[data-casestudies-main-topic]").forEach(follow);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
