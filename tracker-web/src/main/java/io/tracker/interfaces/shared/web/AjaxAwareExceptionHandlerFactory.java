package io.tracker.interfaces.shared.web;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import org.primefaces.application.exceptionhandler.PrimeExceptionHandler;

/**
 * Who deals with an exception that escapes a page action. For an ajax request, PrimeFaces' handler:
 * it logs the exception and renders the template's {@code p:ajaxExceptionHandler} (a dialog that
 * says what to do), where the standard handler would fail silently. For a full page request, the
 * standard handler: the servlet container then forwards to the {@code web.xml} error page and keeps
 * the 500/404 status, where PrimeFaces' handler would redirect to the error page and answer 200.
 */
public class AjaxAwareExceptionHandlerFactory extends ExceptionHandlerFactory {

    public AjaxAwareExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        ExceptionHandler standard = getWrapped().getExceptionHandler();
        ExceptionHandler forAjax = new PrimeExceptionHandler(standard);
        return new ExceptionHandlerWrapper(standard) {
            @Override
            public void handle() {
                FacesContext faces = FacesContext.getCurrentInstance();
                if (faces != null && faces.getPartialViewContext().isAjaxRequest()) {
                    forAjax.handle();
                } else {
                    getWrapped().handle();
                }
            }
        };
    }
}
