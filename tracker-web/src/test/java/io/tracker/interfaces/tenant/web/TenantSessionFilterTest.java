package io.tracker.interfaces.tenant.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantSessionFilterTest {

    /**
     * A request as the container hands it over after the sign-in: the real query string, but the
     * parameters of the original request that Soteria restored (null when it had none).
     */
    private static HttpServletRequest request(String uri, String query, Map<String, String[]> originalParameters) {
        return (HttpServletRequest) Proxy.newProxyInstance(TenantSessionFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    case "getParameterMap" -> {
                        if (originalParameters == null) {
                            throw new NullPointerException("RequestData.getParameters() is null");
                        }
                        yield originalParameters;
                    }
                    default -> throw new AssertionError("the filter should not call HttpServletRequest." + method.getName());
                });
    }

    @Test
    void theProvidersRedirectBackIsRecognisedByCodeAndState() {
        assertThat(TenantSessionFilter.completesLogin(request("/app/", "state=s-1&session_state=x&iss=http%3A%2F%2Fkc"
                + "&code=c-1", null))).isTrue();
        assertThat(TenantSessionFilter.completesLogin(request("/app/dashboard.xhtml", null, null))).isFalse();
        assertThat(TenantSessionFilter.completesLogin(request("/app/campaigns.xhtml", "campaign=12", null))).isFalse();
        assertThat(TenantSessionFilter.completesLogin(request("/app/x.xhtml", "code=1", null))).isFalse();
        assertThat(TenantSessionFilter.completesLogin(request("/app/x.xhtml", "barcode=1&state=2", null))).isFalse();
    }

    @Test
    void theBrowserGoesOnToThePageFirstAskedForWithItsOwnParametersOnly() {
        assertThat(TenantSessionFilter.withoutLoginParameters(request("/app/", "state=s&code=c", null)))
                .isEqualTo("/app/");

        Map<String, String[]> original = new LinkedHashMap<>();
        original.put("campaign", new String[] {"12"});
        original.put("code", new String[] {"c"});
        original.put("state", new String[] {"s"});
        original.put("note", new String[] {"a b&c"});
        assertThat(TenantSessionFilter.withoutLoginParameters(request("/app/campaigns.xhtml", "state=s&code=c", original)))
                .isEqualTo("/app/campaigns.xhtml?campaign=12&note=a+b%26c");
    }
}
