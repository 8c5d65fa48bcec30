package org.keizu.validate;

import java.util.function.Consumer;
import org.keizu.diagnostic.Finding;
import org.keizu.registry.Registry;

/**
 * A check over the loaded registry, beyond what the schema can say. Reports findings; never throws
 * for bad data.
 */
public interface RegistryCheck {
    void check(Registry registry, Consumer<Finding> out);
}
