package org.keizu.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.keizu.render.MachineMetadata;
import org.keizu.site.ShareImage;
import org.keizu.site.ShareImages;

/**
 * Share images kept from the previous build: each depends on its card and the site's name alone, so
 * an edit draws only the images whose card it changed. Only the images the latest build used are
 * kept, so memory stays that of one site however long the preview runs. Thread-safe: a build draws
 * images on several threads at once.
 */
final class RememberedShareImages implements ShareImages {
    private record ModelCard(MachineMetadata.ShareCard card, String siteName) {}

    private record SiteCard(String siteName, String tagline) {}

    /** The images of the last build that completed. */
    private volatile Map<Object, byte[]> kept = Map.of();

    /** The images the build under way has used so far. */
    private volatile Map<Object, byte[]> used = new ConcurrentHashMap<>();

    private final AtomicInteger drawn = new AtomicInteger();

    /** Starts a build, which may reuse what the last completed build used. */
    void nextBuild() {
        used = new ConcurrentHashMap<>();
        drawn.set(0);
    }

    /**
     * The build completed: its images are the ones to keep, the rest is forgotten. A build that
     * failed half-way (a template that does not parse) leaves the kept images as they were.
     */
    void buildCompleted() {
        kept = used;
    }

    /** How many images this build had to draw (the rest were reused). */
    int drawn() {
        return drawn.get();
    }

    @Override
    public byte[] model(MachineMetadata.ShareCard card, String siteName) {
        return remember(new ModelCard(card, siteName), () -> ShareImage.model(card, siteName));
    }

    @Override
    public byte[] site(String siteName, String tagline) {
        return remember(new SiteCard(siteName, tagline), () -> ShareImage.site(siteName, tagline));
    }

    private byte[] remember(Object card, Supplier<byte[]> draw) {
        return used.computeIfAbsent(
                card,
                key -> {
                    byte[] earlier = kept.get(key);
                    if (earlier != null) {
                        return earlier;
                    }
                    drawn.incrementAndGet();
                    return draw.get();
                });
    }
}
