package org.awardeval.portal;

import java.time.Clock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in links kept in the database, so that any node accepts a link another sent. Spring's service reads a token
 * and then deletes it; two requests with the same link at the same moment could both read it. Here the token's row
 * is locked first, so the second waits for the first to delete it and finds nothing: a link works once.
 */
@Component
class SingleUseTokens implements OneTimeTokenService, InitializingBean, DisposableBean {

    private final JdbcOneTimeTokenService tokens;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    SingleUseTokens(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.tokens = new JdbcOneTimeTokenService(jdbc);
        this.tokens.setClock(clock.getIfAvailable(Clock::systemUTC));
    }

    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        return tokens.generate(request);
    }

    @Override
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authenticationToken) {
        return transaction.execute(status -> {
            jdbc.queryForList("SELECT token_value FROM one_time_tokens WHERE token_value = ? FOR UPDATE", String.class,
                    authenticationToken.getTokenValue());
            return tokens.consume(authenticationToken);
        });
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        tokens.afterPropertiesSet();
    }

    @Override
    public void destroy() throws Exception {
        tokens.destroy();
    }
}
