// Marks every data table that is wider than its card (class table-overflows on the .ui-datatable), and
// whether it is scrolled to its right edge (table-scrolled-end), for the stylesheet's "scroll sideways"
// hint and right-edge fade. Runs on load, on resize, after every PrimeFaces ajax update, and on scroll.
(function () {
    function mark() {
        document.querySelectorAll('.ui-datatable-tablewrapper').forEach(function (wrapper) {
            var table = wrapper.closest('.ui-datatable');
            if (!table) {
                return;
            }
            var overflows = wrapper.scrollWidth > wrapper.clientWidth + 1;
            table.classList.toggle('table-overflows', overflows);
            table.classList.toggle('table-scrolled-end',
                overflows && wrapper.scrollLeft + wrapper.clientWidth >= wrapper.scrollWidth - 1);
        });
    }
    document.addEventListener('DOMContentLoaded', mark);
    window.addEventListener('load', mark);
    window.addEventListener('resize', mark);
    document.addEventListener('scroll', function (event) {
        if (event.target.classList && event.target.classList.contains('ui-datatable-tablewrapper')) {
            mark();
        }
    }, true);
    if (window.jQuery) {
        jQuery(document).on('pfAjaxComplete', mark);
    }
})();
