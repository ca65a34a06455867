/* Printing: the run bar is the printed page's header line (playbook.css), with the moment the
 * page was printed, in UTC, written as an attribute the print stylesheet shows. */
window.addEventListener("beforeprint", function () {
  const stamp = "printed " + window.playbook.utc.stamp(new Date());
  document.querySelectorAll("[data-playbook-runbar]").forEach(function (bar) {
    bar.setAttribute("data-playbook-printed", stamp);
  });
});
