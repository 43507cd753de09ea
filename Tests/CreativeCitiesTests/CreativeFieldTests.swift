import CreativeCities
import Testing

@Suite struct CreativeFieldTests {
    @Test(arguments: ["Crafts and Folk Art", "crafts & folk art", "crafts-and-folk-art", "CRAFTSANDFOLKART"])
    func fieldNamesParseLeniently(text: String) {
        #expect(CreativeField(lenient: text) == .craftsAndFolkArt)
    }

    @Test func unknownFieldIsNil() {
        #expect(CreativeField(lenient: "Sculpture") == nil)
        #expect(UNESCORegion(lenient: "asia and the pacific") == .asiaPacific)
    }
}
