package dev.tarjim.testing;

import dev.tarjim.article.ArticleRepository;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * A repository seen through the port's default methods: its batch read ({@code articles(ids, lang)}) becomes one
 * {@code article} call per id, as partner pages were read before batches (the reference that batched reads must
 * equal, and the "before" of the benchmark).
 */
public final class OneByOneReads {
    private OneByOneReads() {
    }

    /** The store, with every default method of the port run as the port defines it, the rest passed through. */
    public static ArticleRepository of(ArticleRepository store) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (ArticleRepository) Proxy.newProxyInstance(ArticleRepository.class.getClassLoader(),
                new Class<?>[] {ArticleRepository.class}, h);
    }
}
