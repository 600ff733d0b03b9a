// Comments, progressively enhanced: fill the form from the commenter's own cookie (never from the cached
// page), and move the form under the comment being replied to. Without JavaScript both still work.
(function () {
  "use strict";
  var form = document.getElementById("commentform");
  if (!form) return;

  var cookie = document.cookie.split("; ").filter(function (part) {
    return part.indexOf("broadsheet_commenter=") === 0;
  })[0];
  if (cookie) {
    try {
      var saved = JSON.parse(decodeURIComponent(cookie.slice("broadsheet_commenter=".length)));
      [["author", "author_name"], ["email", "author_email"], ["url", "author_url"]].forEach(function (pair) {
        var field = document.getElementById(pair[0]);
        if (field && !field.value && saved[pair[1]]) field.value = saved[pair[1]];
      });
      var remember = document.getElementById("remember-commenter");
      if (remember) remember.checked = true;
    } catch (error) { /* a damaged cookie: leave the form empty */ }
  }

  var respond = document.getElementById("respond");
  var title = document.getElementById("reply-title");
  var parentField = document.getElementById("comment-parent");
  var home = respond.parentNode, homeNext = respond.nextSibling, originalTitle = title.innerHTML;

  function cancel(event) {
    if (event) event.preventDefault();
    home.insertBefore(respond, homeNext);
    parentField.value = "";
    title.innerHTML = originalTitle;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".comment-reply-link");
    if (!link) return;
    event.preventDefault();
    var comment = document.getElementById("comment-" + link.dataset.commentId);
    comment.querySelector(".comment__body").after(respond);
    parentField.value = link.dataset.commentId;
    title.textContent = "Reply to " + link.dataset.author + " ";
    var cancelLink = document.createElement("a");
    cancelLink.href = "#respond";
    cancelLink.textContent = "Cancel reply";
    cancelLink.addEventListener("click", cancel);
    var small = document.createElement("small");
    small.appendChild(cancelLink);
    title.appendChild(small);
    document.getElementById("comment").focus();
  });
})();
