// Copy-link button for "Share this article": the only script on the page, and the page works without it.
document.querySelectorAll("[data-copy]").forEach(function (button) {
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(button.dataset.copy).then(function () {
      button.textContent = "Link copied";
    });
  });
});
