/* Activity form (activities/activity_form.html): set every attendance at once. */
document.querySelectorAll("[data-roster-set]").forEach(function (button) {
  button.addEventListener("click", function () {
    var status = button.getAttribute("data-roster-set");
    document.querySelectorAll("select[data-employee]").forEach(function (select) {
      select.value = status ? select.getAttribute("data-employee") + ":" + status : "";
    });
  });
});
