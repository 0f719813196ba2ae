import Foundation

/// How an organization bills: the prefixes of its invoice and credit note series, and its tax
/// configuration (named rates per tax category, prices inclusive or exclusive of them). Stored as
/// the JSON of what was set (`stored`), read over the defaults.
public struct BillingSettings: Sendable, Hashable, Codable {
    enum CodingKeys: String, CodingKey {
        case invoicePrefix = "invoice_prefix"
        case creditNotePrefix = "credit_note_prefix"
        case pricesIncludeTax = "prices_include_tax"
        case taxRates = "tax_rates"
        case resourceTaxCategories = "resource_tax_categories"
        case cancellationPolicy = "cancellation_policy"
        case lateReturn = "late_return"
        case locationCancellationPolicies = "location_cancellation_policies"
    }

    /// A named rate for one tax category: `{category: "standard", name: "VAT", rate: 21}`.
    public struct TaxRate: Sendable, Hashable, Codable {
        public var category: String
        public var name: String
        /// Percent, to two decimals (7.5 is 7.5 %).
        public var rate: Double

        public init(category: String, name: String, rate: Double) {
            self.category = category
            self.name = name
            self.rate = rate
        }

        /// A rate as stored, in hundredths of a percent.
        public init(category: String, name: String, basisPoints: Int) {
            self.init(category: category, name: name, rate: Double(basisPoints) / 100)
        }

        /// The rate in hundredths of a percent (7.5 % is 750): what amounts are taxed with.
        public var basisPoints: Int { Money.basisPoints(rate) }
    }

    /// The category every booking line and item falls in unless told otherwise.
    public static let standardCategory = "standard"

    public var invoicePrefix: String
    public var creditNotePrefix: String
    /// Whether prices (resources' rates, items' unit amounts) already include their tax.
    public var pricesIncludeTax: Bool
    public var taxRates: [TaxRate]
    /// The tax category of a booking line by its resource's category (`room` → `accommodation`);
    /// a category not listed is `standard`.
    public var resourceTaxCategories: [String: String]
    /// The fees of a late cancellation and of a no-show; none by default.
    public var cancellationPolicy: CancellationPolicy
    /// The fee of a late return; none by default.
    public var lateReturn: LateReturnPolicy
    /// A location's own cancellation policy, by the location's id (as text: JSON's keys are), instead
    /// of `cancellationPolicy`.
    public var locationCancellationPolicies: [String: CancellationPolicy]

    public init(invoicePrefix: String = "INV", creditNotePrefix: String = "CN", pricesIncludeTax: Bool = false,
                taxRates: [TaxRate] = [], resourceTaxCategories: [String: String] = [:],
                cancellationPolicy: CancellationPolicy = CancellationPolicy(),
                lateReturn: LateReturnPolicy = LateReturnPolicy(),
                locationCancellationPolicies: [String: CancellationPolicy] = [:]) {
        self.invoicePrefix = invoicePrefix
        self.creditNotePrefix = creditNotePrefix
        self.pricesIncludeTax = pricesIncludeTax
        self.taxRates = taxRates
        self.resourceTaxCategories = resourceTaxCategories
        self.cancellationPolicy = cancellationPolicy
        self.lateReturn = lateReturn
        self.locationCancellationPolicies = locationCancellationPolicies
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = BillingSettings()
        self.init(
            invoicePrefix: try container.decodeIfPresent(String.self, forKey: .invoicePrefix) ?? defaults.invoicePrefix,
            creditNotePrefix: try container.decodeIfPresent(String.self, forKey: .creditNotePrefix)
                ?? defaults.creditNotePrefix,
            pricesIncludeTax: try container.decodeIfPresent(Bool.self, forKey: .pricesIncludeTax) ?? false,
            taxRates: try container.decodeIfPresent([TaxRate].self, forKey: .taxRates) ?? [],
            resourceTaxCategories: try container.decodeIfPresent([String: String].self, forKey: .resourceTaxCategories)
                ?? [:],
            cancellationPolicy: try container.decodeIfPresent(CancellationPolicy.self, forKey: .cancellationPolicy)
                ?? CancellationPolicy(),
            lateReturn: try container.decodeIfPresent(LateReturnPolicy.self, forKey: .lateReturn) ?? LateReturnPolicy(),
            locationCancellationPolicies: try container.decodeIfPresent(
                [String: CancellationPolicy].self, forKey: .locationCancellationPolicies) ?? [:])
    }

    /// The settings a stored document holds ("{}" before any change), decoded once per text.
    public init(stored json: String) throws {
        self = try Self.storedDocuments.settings(json)
    }

    private static let storedDocuments = StoredSettings<BillingSettings>(limit: 1_000)

    /// The document stored for these settings, keys sorted.
    public var stored: String { String(decoding: sortedJSON, as: UTF8.self) }

    /// The cancellation policy of the location `locationID`: its own, else the organization's.
    public func cancellationPolicy(at locationID: UUID) -> CancellationPolicy {
        locationCancellationPolicies[locationID.text] ?? cancellationPolicy
    }

    /// The rate of `category`, nil for a category with no tax.
    public func rate(of category: String) -> TaxRate? { taxRates.first { $0.category == category } }

    /// The tax category of a booking line of a resource in `resourceCategory`.
    public func taxCategory(ofResourceIn resourceCategory: String?) -> String {
        resourceCategory.flatMap { resourceTaxCategories[$0] } ?? Self.standardCategory
    }

    /// Whether an item may name `category`: `standard`, or one with a rate.
    public func knows(_ category: String) -> Bool {
        category == Self.standardCategory || rate(of: category) != nil
    }

    public func validate() throws(FrontdeskError) {
        var v = Validator()
        v.check(DocumentNumber.isPrefix(invoicePrefix), "invoice_prefix", "must be 1 to 10 capital letters or digits")
        v.check(DocumentNumber.isPrefix(creditNotePrefix), "credit_note_prefix", "must be 1 to 10 capital letters or digits")
        v.check(invoicePrefix != creditNotePrefix, "credit_note_prefix", "must differ from invoice_prefix")
        v.check(taxRates.count <= 20, "tax_rates", "must hold at most 20 rates")
        for (i, rate) in taxRates.enumerated() {
            v.text(rate.category, "tax_rates[\(i)].category", required: true, max: 50)
            v.text(rate.name, "tax_rates[\(i)].name", required: true, max: 50)
            Money.checkPercent(&v, rate.rate, "tax_rates[\(i)].rate")
        }
        v.check(Set(taxRates.map(\.category)).count == taxRates.count, "tax_rates", "must not repeat a category")
        v.check(resourceTaxCategories.count <= 50, "resource_tax_categories", "must hold at most 50 categories")
        for (resourceCategory, category) in resourceTaxCategories.sorted(by: { $0.key < $1.key }) {
            v.check(knows(category), "resource_tax_categories.\(resourceCategory)",
                    "must be standard or a category of tax_rates")
        }
        cancellationPolicy.check(&v, "cancellation_policy")
        v.check(locationCancellationPolicies.count <= 100, "location_cancellation_policies", "must hold at most 100 locations")
        for (locationID, policy) in locationCancellationPolicies.sorted(by: { $0.key < $1.key }) {
            v.check(UUID(text: locationID)?.text == locationID, "location_cancellation_policies.\(locationID)",
                    "must be keyed by a location's id")
            policy.check(&v, "location_cancellation_policies.\(locationID)")
        }
        lateReturn.check(&v)
        try v.validate()
    }
}

/// A change of the billing settings: nil leaves a setting as it is; a list or map given replaces it.
public struct BillingSettingsPatch: Sendable, Hashable {
    public var invoicePrefix: String?
    public var creditNotePrefix: String?
    public var pricesIncludeTax: Bool?
    public var taxRates: [BillingSettings.TaxRate]?
    public var resourceTaxCategories: [String: String]?
    public var cancellationPolicy: CancellationPolicy?
    public var lateReturn: LateReturnPolicy?
    /// Replaces every location's own policy.
    public var locationCancellationPolicies: [String: CancellationPolicy]?

    public init(invoicePrefix: String? = nil, creditNotePrefix: String? = nil, pricesIncludeTax: Bool? = nil,
                taxRates: [BillingSettings.TaxRate]? = nil, resourceTaxCategories: [String: String]? = nil,
                cancellationPolicy: CancellationPolicy? = nil, lateReturn: LateReturnPolicy? = nil,
                locationCancellationPolicies: [String: CancellationPolicy]? = nil) {
        self.invoicePrefix = invoicePrefix
        self.creditNotePrefix = creditNotePrefix
        self.pricesIncludeTax = pricesIncludeTax
        self.taxRates = taxRates
        self.resourceTaxCategories = resourceTaxCategories
        self.cancellationPolicy = cancellationPolicy
        self.lateReturn = lateReturn
        self.locationCancellationPolicies = locationCancellationPolicies
    }

    public func applied(to settings: BillingSettings) throws(FrontdeskError) -> BillingSettings {
        guard invoicePrefix != nil || creditNotePrefix != nil || pricesIncludeTax != nil || taxRates != nil
            || resourceTaxCategories != nil || cancellationPolicy != nil || lateReturn != nil
            || locationCancellationPolicies != nil
        else { throw .validationFailed([FieldIssue("billing", "give at least one setting")]) }
        var next = settings
        next.invoicePrefix = invoicePrefix ?? next.invoicePrefix
        next.creditNotePrefix = creditNotePrefix ?? next.creditNotePrefix
        next.pricesIncludeTax = pricesIncludeTax ?? next.pricesIncludeTax
        next.taxRates = taxRates ?? next.taxRates
        next.resourceTaxCategories = resourceTaxCategories ?? next.resourceTaxCategories
        next.cancellationPolicy = cancellationPolicy ?? next.cancellationPolicy
        next.lateReturn = lateReturn ?? next.lateReturn
        next.locationCancellationPolicies = locationCancellationPolicies ?? next.locationCancellationPolicies
        try next.validate()
        return next
    }
}
