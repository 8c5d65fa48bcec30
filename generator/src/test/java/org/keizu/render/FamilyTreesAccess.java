package org.keizu.render;

/** Lets tests of the built site read how many children a family tree draws below one box. */
public final class FamilyTreesAccess {
    private FamilyTreesAccess() {}

    public static int maxChildrenDrawn() {
        return FamilyTrees.MAX_CHILDREN_DRAWN;
    }
}
