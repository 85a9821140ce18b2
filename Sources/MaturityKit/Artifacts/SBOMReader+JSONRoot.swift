extension SBOMReader {
  /// The top level of a JSON BOM, streamed in one pass before its format is known.
  ///
  /// The small members that name the format are kept as read. `components`, `packages`
  /// and `vulnerabilities` are counted as they go by, one entry at a time, so memory does
  /// not grow with them; a value of the wrong type is remembered, not thrown, until the
  /// format says whether it matters. A key written twice is an error of the reader.
  struct JSONRoot {
    let reader: JSONEventReader
    var context: Member?
    var bomFormat: Member?
    var specVersion: Member?
    var spdxVersion: Member?
    /// CycloneDX `components` at any depth, and the first of them of the wrong type.
    var components = Tally()
    var componentProblem: Diagnostic?
    /// CycloneDX `vulnerabilities` by highest severity; nil when there is no list.
    var vulnerabilities: [Severity: Int]?
    var vulnerabilityProblem: Diagnostic?
    /// SPDX `packages`.
    var packages = Tally()
    var packageProblem: Diagnostic?

    init(_ reader: JSONEventReader) {
      self.reader = reader
    }

    /// Reads the members of the top-level object whose start was just read.
    mutating func read() throws(Diagnostic) {
      while let key = try reader.nextKey() {
        switch key.key {
        case "@context": context = (key, try reader.readNode())
        case "bomFormat": bomFormat = (key, try reader.readNode())
        case "specVersion": specVersion = (key, try reader.readNode())
        case "spdxVersion": spdxVersion = (key, try reader.readNode())
        case "components": try readComponents(after: key)
        case "vulnerabilities": try readVulnerabilities(after: key)
        case "packages": try readPackages(after: key)
        default: try reader.skipValue()
        }
      }
    }

    /// Counts a `components` list and the lists nested in its components.
    private mutating func readComponents(after key: JSONEvent) throws(Diagnostic) {
      let start = try reader.nextEvent()
      guard start.kind == .arrayStart else {
        componentProblem = componentProblem ?? wrongType(key, "an array", found: start)
        return try reader.skipValue(startingWith: start)
      }
      while let element = try reader.nextElement() {
        guard element.kind == .objectStart else {
          componentProblem =
            componentProblem ?? wrongType(key, "an array of objects", found: element)
          try reader.skipValue(startingWith: element)
          continue
        }
        var (hasLicence, hasVersion, hasPurl) = (false, false, false)
        while let member = try reader.nextKey() {
          switch member.key {
          case "licenses": hasLicence = SBOMReader.hasLicence(try reader.readNode())
          case "version": hasVersion = isFilled(try reader.readNode())
          case "purl": hasPurl = isFilled(try reader.readNode())
          case "components": try readComponents(after: member)
          default: try reader.skipValue()
          }
        }
        components.addComponent(hasLicence: hasLicence, hasVersion: hasVersion, hasPurl: hasPurl)
      }
    }

    /// Counts a `vulnerabilities` list by each entry's highest rated severity.
    private mutating func readVulnerabilities(after key: JSONEvent) throws(Diagnostic) {
      let start = try reader.nextEvent()
      guard start.kind == .arrayStart else {
        (vulnerabilities, vulnerabilityProblem) = (nil, wrongType(key, "an array", found: start))
        return try reader.skipValue(startingWith: start)
      }
      (vulnerabilities, vulnerabilityProblem) = ([:], nil)
      while let element = try reader.nextElement() {
        var severity = Severity.other
        if element.kind == .objectStart {
          while let member = try reader.nextKey() {
            if member.key == "ratings" {
              severity = try readRatings()
            } else {
              try reader.skipValue()
            }
          }
        } else {
          try reader.skipValue(startingWith: element)
        }
        vulnerabilities?[severity, default: 0] += 1
      }
    }

    /// The highest `severity` of a `ratings` list; `other` when there is none.
    private func readRatings() throws(Diagnostic) -> Severity {
      let node = try reader.readNode()
      let severities = (node.elements ?? []).map { Severity($0["severity"]?.string) }
      return severities.max() ?? .other
    }

    /// Counts an SPDX `packages` list.
    private mutating func readPackages(after key: JSONEvent) throws(Diagnostic) {
      let start = try reader.nextEvent()
      guard start.kind == .arrayStart else {
        packageProblem = wrongType(key, "an array", found: start)
        return try reader.skipValue(startingWith: start)
      }
      while let element = try reader.nextElement() {
        guard element.kind == .objectStart else {
          packageProblem = packageProblem ?? wrongType(key, "an array of objects", found: element)
          try reader.skipValue(startingWith: element)
          continue
        }
        var (hasLicence, hasVersion, hasPurl) = (false, false, false)
        while let member = try reader.nextKey() {
          switch member.key {
          case "licenseConcluded", "licenseDeclared":
            if isLicence(try reader.readNode()) { hasLicence = true }
          case "versionInfo": hasVersion = isFilled(try reader.readNode())
          case "externalRefs": hasPurl = SBOMReader.hasPurl(try reader.readNode())
          default: try reader.skipValue()
          }
        }
        packages.addComponent(hasLicence: hasLicence, hasVersion: hasVersion, hasPurl: hasPurl)
      }
    }

    private func wrongType(_ key: JSONEvent, _ expected: String, found: JSONEvent) -> Diagnostic {
      SBOMReader.wrongType(key, expected, found: found, in: reader.file)
    }
  }
}
