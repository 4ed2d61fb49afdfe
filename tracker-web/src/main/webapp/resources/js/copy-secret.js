// "Copy" buttons (class copy-button, data-copy = id of the element whose text to copy): copies the
// text to the clipboard; where the browser refuses (no secure context, no permission) the text is
// selected instead, ready for Ctrl+C. A file, not an inline handler, because the pages' Content
// Security Policy runs no inline script without its nonce; listening on the document keeps working
// when ajax replaces the button.
document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('.copy-button[data-copy]') : null;
    if (!button) {
        return;
    }
    var element = document.getElementById(button.getAttribute('data-copy'));
    var label = button.querySelector('span');
    var select = function () {
        var range = document.createRange();
        range.selectNodeContents(element);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        label.textContent = 'Selected: press Ctrl+C';
    };
    if (navigator.clipboard) {
        navigator.clipboard.writeText(element.textContent.trim())
            .then(function () { label.textContent = 'Copied'; }, select);
    } else {
        select();
    }
});
