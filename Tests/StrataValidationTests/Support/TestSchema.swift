import StrataSchema

/// The schema the rule tests validate against: pets, people and aliens (in the spirit of graphql-js's validation
/// harness), plus argument-heavy types for the value rules.
let testSchemaSDL = """
    schema {
      query: QueryRoot
      mutation: MutationRoot
      subscription: SubscriptionRoot
    }

    directive @onQuery on QUERY
    directive @onMutation on MUTATION
    directive @onSubscription on SUBSCRIPTION
    directive @onField on FIELD
    directive @onFragmentDefinition on FRAGMENT_DEFINITION
    directive @onFragmentSpread on FRAGMENT_SPREAD
    directive @onInlineFragment on INLINE_FRAGMENT
    directive @onVariableDefinition on VARIABLE_DEFINITION
    directive @repeatableOnField repeatable on FIELD
    directive @withRequired(level: Int!, note: String) on FIELD

    scalar DateTime
    scalar Opaque

    interface Mammal {
      mother: Mammal
      father: Mammal
    }

    interface Pet {
      name(surname: Boolean): String
    }

    interface Canine implements Mammal {
      name(surname: Boolean): String
      mother: Canine
      father: Canine
    }

    enum DogCommand {
      SIT
      HEEL
      DOWN
    }

    type Dog implements Pet & Mammal & Canine {
      name(surname: Boolean): String
      nickname: String
      barkVolume: Int
      barks: Boolean
      doesKnowCommand(dogCommand: DogCommand): Boolean
      isHouseTrained(atOtherHomes: Boolean = true): Boolean
      isAtLocation(x: Int, y: Int): Boolean
      mother: Dog
      father: Dog
    }

    type Cat implements Pet {
      name(surname: Boolean): String
      nickname: String
      meows: Boolean
      meowsVolume: Int
      furColor: FurColor
    }

    union CatOrDog = Cat | Dog

    type Human {
      name(surname: Boolean): String
      pets: [Pet]
      relatives: [Human]!
      iq: Int
    }

    type Alien {
      name: String
      numEyes: Int
    }

    union DogOrHuman = Dog | Human
    union HumanOrAlien = Human | Alien

    enum FurColor {
      BROWN
      BLACK
      TAN
      SPOTTED
      NO_FUR
      UNKNOWN
    }

    input ComplexInput {
      requiredField: Boolean!
      nonNullField: Boolean! = false
      intField: Int
      stringField: String
      booleanField: Boolean
      stringListField: [String]
      nested: ComplexInput
    }

    input PetBy @oneOf {
      name: String
      id: ID
      nested: ComplexInput
    }

    type ComplicatedArgs {
      intArgField(intArg: Int): String
      nonNullIntArgField(nonNullIntArg: Int!): String
      stringArgField(stringArg: String): String
      booleanArgField(booleanArg: Boolean): String
      enumArgField(enumArg: FurColor): String
      floatArgField(floatArg: Float): String
      idArgField(idArg: ID): String
      dateTimeArgField(when: DateTime): String
      opaqueArgField(value: Opaque): String
      stringListArgField(stringListArg: [String]): String
      stringListNonNullArgField(stringListNonNullArg: [String!]): String
      complexArgField(complexArg: ComplexInput): String
      oneOfArgField(by: PetBy): String
      nonNullOneOfArgField(by: PetBy!): String
      multipleReqs(req1: Int!, req2: Int!): String
      nonNullFieldWithDefault(arg: Int! = 0): String
      multipleOpts(opt1: Int = 0, opt2: Int = 0): String
      multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
    }

    type QueryRoot {
      human(id: ID): Human
      alien: Alien
      dog: Dog
      cat: Cat
      pet: Pet
      catOrDog: CatOrDog
      dogOrHuman: DogOrHuman
      humanOrAlien: HumanOrAlien
      complicatedArgs: ComplicatedArgs
      dogs(first: Int): [Dog]
    }

    type MutationRoot {
      renameDog(name: String!): Dog
    }

    type Message {
      body: String
      sender: String
    }

    type SubscriptionRoot {
      newMessage: Message
      importantEmails: [String]
      notImportantEmails: [String]
    }
    """

/// Built once for the whole test run.
let testSchema: Schema = {
    do {
        return try Schema.build(sdl: testSchemaSDL, name: "validation-test-schema.graphql")
    } catch {
        fatalError("the validation test schema does not build: \(error)")
    }
}()
