import StrataStorage

/// Laboratories, their members, emission factors, CSV imports (some with row errors) and emission records.
extension DemoDataGenerator {
    func laboratoryCode(_ l: Int) -> String {
        let digits = String(l)
        return "LAB-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    func laboratoryCreatedAt(_ l: Int) -> Int64 {
        DemoIdentity.epoch - 365 * DemoIdentity.day + Int64(l) * 11 * DemoIdentity.day
    }

    /// The user holding membership `k` (0-based) of laboratory `l`; distinct within a laboratory.
    func laboratoryMember(_ l: Int, _ k: Int) -> Int { 1 + ((l - 1) * scale.membersPerLaboratory + k) % scale.users }

    func laboratories(_ entity: EntityDescriptor) -> [Row] {
        guard scale.laboratories > 0 else { return [] }
        var b = DemoRowBuilder(entity)
        let (id, name, code, country, city, description) = (
            b.column("id"), b.column("name"), b.column("code"), b.column("country"), b.column("city"),
            b.column("description")
        )
        let (created, updated, version) = (b.column("created_at"), b.column("updated_at"), b.column("version"))
        var rows: [Row] = []
        for l in 1...scale.laboratories {
            var rng = SplitMix64(entity: Code.laboratory.rawValue, index: l)
            let names = DemoVocabulary.laboratoryNames
            b.set(id, .string(DemoIdentity.uuid(.laboratory, l)))
            b.set(name, .string(l <= names.count ? names[l - 1] : "\(names[(l - 1) % names.count]) \((l - 1) / names.count + 1)"))
            b.set(code, .string(laboratoryCode(l)))
            b.set(country, .string(rng.pick(DemoVocabulary.countries)))
            if rng.percent(85) { b.set(city, .string(rng.pick(DemoVocabulary.cities))) }
            if l % 2 == 1 || rng.percent(30) { b.set(description, .string(rng.pick(DemoVocabulary.laboratoryDescriptions))) }
            b.set(created, .timestamp(laboratoryCreatedAt(l)))
            b.set(updated, .timestamp(laboratoryCreatedAt(l) + Int64(rng.int(0..<300)) * DemoIdentity.day))
            b.set(version, .int(1))
            rows.append(b.finish())
        }
        return rows
    }

    func laboratoryMembers(_ entity: EntityDescriptor) -> [Row] {
        guard scale.laboratories > 0, scale.membersPerLaboratory > 0 else { return [] }
        var b = DemoRowBuilder(entity)
        let (id, lab, user, role, joined) = (
            b.column("id"), b.column("laboratory_id"), b.column("user_id"), b.column("role"), b.column("joined_at")
        )
        var rows: [Row] = []
        for l in 1...scale.laboratories {
            for k in 0..<scale.membersPerLaboratory {
                let n = rows.count + 1
                var rng = SplitMix64(entity: Code.laboratoryMember.rawValue, index: n)
                b.set(id, .string(DemoIdentity.uuid(.laboratoryMember, n)))
                b.set(lab, .string(DemoIdentity.uuid(.laboratory, l)))
                b.set(user, userID(laboratoryMember(l, k)))
                let memberRole = k == 0 ? "OWNER" : k == 1 ? "MANAGER" : ["MEMBER", "VIEWER"][rng.weighted([75, 25])]
                b.set(role, .string(memberRole))
                b.set(joined, .timestamp(laboratoryCreatedAt(l) + Int64(k) * 3 * DemoIdentity.day + Int64(rng.int(0..<86_400)) * DemoIdentity.second))
                rows.append(b.finish())
            }
        }
        return rows
    }

    /// Factor `f` (1-based): the vocabulary's factors, then variants within ±10 % rounded to 4 decimals.
    func factor(_ f: Int) -> (name: String, category: String, unit: String, value: Double, cycle: Int) {
        let base = DemoVocabulary.factors[(f - 1) % DemoVocabulary.factors.count]
        let cycle = (f - 1) / DemoVocabulary.factors.count
        guard cycle > 0 else { return (base.name, base.category, base.unit, base.value, 0) }
        let permille = 1_000 + (f * 37 % 201) - 100
        let value = (base.value * Double(permille) / 1_000 * 10_000).rounded() / 10_000
        return ("\(base.name) (variant \(cycle + 1))", base.category, base.unit, value, cycle)
    }

    func emissionFactors(_ entity: EntityDescriptor) -> [Row] {
        guard scale.factors > 0 else { return [] }
        var b = DemoRowBuilder(entity)
        let (id, name, category, unit, value, source, region) = (
            b.column("id"), b.column("name"), b.column("category"), b.column("unit"), b.column("value"),
            b.column("source"), b.column("region")
        )
        let (from, to, tags, created, updated, version) = (
            b.column("valid_from"), b.column("valid_to"), b.column("tags"), b.column("created_at"),
            b.column("updated_at"), b.column("version")
        )
        var rows: [Row] = []
        for f in 1...scale.factors {
            var rng = SplitMix64(entity: Code.emissionFactor.rawValue, index: f)
            let factor = factor(f)
            b.set(id, .string(DemoIdentity.uuid(.emissionFactor, f)))
            b.set(name, .string(factor.name))
            b.set(category, .string(factor.category))
            b.set(unit, .string(factor.unit))
            b.set(value, .double(factor.value))
            if rng.percent(80) { b.set(source, .string(rng.pick(DemoVocabulary.factorSources))) }
            if rng.percent(70) { b.set(region, .string(rng.pick(DemoVocabulary.regions))) }
            let validFrom = DemoIdentity.firstActivityDay - 365 + Int32(factor.cycle % 3) * 365
            b.set(from, .date(validFrom))
            if rng.percent(50) { b.set(to, .date(validFrom + 3 * 365)) }
            b.set(tags, .stringList(rng.distinct(rng.int(0...3), of: DemoVocabulary.factorTags)))
            let createdAt = DemoIdentity.epoch - 400 * DemoIdentity.day + Int64(f) * DemoIdentity.hour
            b.set(created, .timestamp(createdAt))
            b.set(updated, .timestamp(createdAt))
            b.set(version, .int(1))
            rows.append(b.finish())
        }
        return rows
    }

    // MARK: - Imports and records

    var importCount: Int { scale.laboratories * scale.importsPerLaboratory }

    /// Import `j` (1-based): every ninth fails, the last one is still processing, the others completed.
    func importStatus(_ j: Int) -> String {
        if j % 9 == 0 { return "FAILED" }
        if j == importCount && importCount > 1 { return "PROCESSING" }
        return "COMPLETED"
    }

    /// Rows of import `j` that could not be loaded.
    func importErrorCount(_ j: Int) -> Int {
        switch importStatus(j) {
        case "FAILED": 3
        case "COMPLETED": j % 3 == 0 ? 1 + j % 4 : 0
        default: 0
        }
    }

    /// Record `r`'s laboratory, factor and import: every fourth record came through one of its laboratory's
    /// imports (unless that import failed).
    func recordPlacement(_ r: Int) -> (laboratory: Int, factor: Int, importIndex: Int?) {
        var rng = SplitMix64(entity: Code.emissionRecord.rawValue &+ 0x100, index: r)
        let laboratory = rng.int(1...scale.laboratories)
        let factor = rng.int(1...scale.factors)
        guard r % 4 == 0, scale.importsPerLaboratory > 0 else { return (laboratory, factor, nil) }
        let j = (laboratory - 1) * scale.importsPerLaboratory + (r / 4) % scale.importsPerLaboratory + 1
        return (laboratory, factor, importStatus(j) == "FAILED" ? nil : j)
    }

    func importCreatedAt(_ j: Int) -> Int64 {
        DemoIdentity.epoch + 200 * DemoIdentity.day + Int64(j) * 2 * DemoIdentity.day / Int64(max(1, scale.importsPerLaboratory))
    }

    func csvImports(_ entity: EntityDescriptor) -> [Row] {
        guard importCount > 0 else { return [] }
        var recordsPerImport = [Int](repeating: 0, count: importCount + 1)
        if scale.emissionRecords > 0 {
            for r in 1...scale.emissionRecords {
                if let j = recordPlacement(r).importIndex { recordsPerImport[j] += 1 }
            }
        }
        var b = DemoRowBuilder(entity)
        let (id, lab, file, status, total, processed, errors) = (
            b.column("id"), b.column("laboratory_id"), b.column("file_name"), b.column("status"),
            b.column("total_rows"), b.column("processed_rows"), b.column("error_count")
        )
        let (started, finished, createdBy, created, updated) = (
            b.column("started_at"), b.column("finished_at"), b.column("created_by_id"), b.column("created_at"),
            b.column("updated_at")
        )
        var rows: [Row] = []
        for j in 1...importCount {
            let l = (j - 1) / scale.importsPerLaboratory + 1
            let state = importStatus(j)
            let errorCount = importErrorCount(j)
            let records = recordsPerImport[j]
            let createdAt = importCreatedAt(j)
            b.set(id, .string(DemoIdentity.uuid(.csvImport, j)))
            b.set(lab, .string(DemoIdentity.uuid(.laboratory, l)))
            b.set(file, .string("emissions-\(laboratoryCode(l).lowercased())-\(j).csv"))
            b.set(status, .string(state))
            b.set(total, .int(Int64(records + errorCount)))
            b.set(processed, .int(Int64(state == "FAILED" ? 0 : records)))
            b.set(errors, .int(Int64(errorCount)))
            b.set(started, .timestamp(createdAt + DemoIdentity.second))
            if state != "PROCESSING" {
                b.set(finished, .timestamp(createdAt + DemoIdentity.second + Int64(5 + records) * 20_000))
            }
            b.set(createdBy, userID(laboratoryMember(l, 0)))
            b.set(created, .timestamp(createdAt))
            b.set(updated, .timestamp(createdAt + DemoIdentity.minute))
            rows.append(b.finish())
        }
        return rows
    }

    func csvImportErrors(_ entity: EntityDescriptor) -> [Row] {
        guard importCount > 0 else { return [] }
        var b = DemoRowBuilder(entity)
        let (id, importID, rowNumber, column, message, raw, created) = (
            b.column("id"), b.column("import_id"), b.column("row_number"), b.column("column_name"),
            b.column("message"), b.column("raw_row"), b.column("created_at")
        )
        var rows: [Row] = []
        for j in 1...importCount {
            for e in 0..<importErrorCount(j) {
                let n = rows.count + 1
                var rng = SplitMix64(entity: Code.csvImportError.rawValue, index: n)
                b.set(id, .string(DemoIdentity.uuid(.csvImportError, n)))
                b.set(importID, .string(DemoIdentity.uuid(.csvImport, j)))
                b.set(rowNumber, .int(Int64(2 + e * 7 + rng.int(0..<7))))
                let which = rng.int(0..<DemoVocabulary.importErrorMessages.count)
                b.set(message, .string(DemoVocabulary.importErrorMessages[which]))
                if which != 3 { b.set(column, .string(DemoVocabulary.importErrorColumns[which % DemoVocabulary.importErrorColumns.count])) }
                if rng.percent(80) {
                    b.set(
                        raw,
                        .json(
                            DemoJSON.object([
                                ("quantity", .string(rng.pick(["12,5", "abc", "-3", ""]))),
                                ("activity_date", .string(rng.pick(["2024-13-01", "2024-02-30", "yesterday"]))),
                                ("factor", .string(rng.pick(["Electricity", "Gaz naturel", "???"]))),
                            ])))
                }
                b.set(created, .timestamp(importCreatedAt(j) + DemoIdentity.second))
                rows.append(b.finish())
            }
        }
        return rows
    }

    func emissionRecords(_ entity: EntityDescriptor) -> [Row] {
        guard scale.emissionRecords > 0, scale.laboratories > 0, scale.factors > 0 else { return [] }
        let factorValues = (1...scale.factors).map { factor($0).value }
        var b = DemoRowBuilder(entity)
        let (id, lab, factorID, quantity, date, kg, note, importID) = (
            b.column("id"), b.column("laboratory_id"), b.column("factor_id"), b.column("quantity"),
            b.column("activity_date"), b.column("kg_co2e"), b.column("note"), b.column("import_id")
        )
        let (created, updated, version) = (b.column("created_at"), b.column("updated_at"), b.column("version"))
        var rows: [Row] = []
        rows.reserveCapacity(scale.emissionRecords)
        for r in 1...scale.emissionRecords {
            var rng = SplitMix64(entity: Code.emissionRecord.rawValue, index: r)
            let placement = recordPlacement(r)
            let amount = Double(rng.int(1...500_000)) / 100
            let day = DemoIdentity.firstActivityDay + Int32(rng.int(0..<730))
            b.set(id, .string(DemoIdentity.uuid(.emissionRecord, r)))
            b.set(lab, .string(DemoIdentity.uuid(.laboratory, placement.laboratory)))
            b.set(factorID, .string(DemoIdentity.uuid(.emissionFactor, placement.factor)))
            b.set(quantity, .double(amount))
            b.set(date, .date(day))
            b.set(kg, .double(amount * factorValues[placement.factor - 1]))
            if rng.percent(25) { b.set(note, .string(rng.pick(DemoVocabulary.recordNotes))) }
            b.set(importID, placement.importIndex.map { .string(DemoIdentity.uuid(.csvImport, $0)) } ?? .null)
            let createdAt =
                placement.importIndex.map(importCreatedAt)
                ?? (Int64(day) * DemoIdentity.day + Int64(rng.int(1...72)) * DemoIdentity.hour)
            b.set(created, .timestamp(createdAt))
            b.set(updated, .timestamp(createdAt + Int64(rng.int(0..<3)) * DemoIdentity.day))
            b.set(version, .int(1))
            rows.append(b.finish())
        }
        return rows
    }
}
