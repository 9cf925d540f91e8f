package org.beffroi.payments.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.beffroi.platform.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The SOAP 1.1 messages of PayFiP's web service ("PaiementSecuriseService"), written with the JDK's StAX writer and
 * read with the JDK's DOM parser, DTDs and external entities refused. One shape for the two operations Beffroi uses:
 * a request {@code <pai:operation><arg0>fields</arg0></pai:operation>}, an answer
 * {@code <ns2:operationResponse><return>fields</return></ns2:operationResponse>}, and a fault whose
 * {@code detail} carries a {@code FonctionnelleErreur} with a {@code code} and a {@code libelle}. The namespace and the
 * element names are those of the open implementations named in the module's README; they are not checked here
 * against DGFiP's WSDL.
 */
public final class PayfipSoap {

    public static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String NAMESPACE = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
            + "contrat_paiement_securise/PaiementSecuriseService";
    public static final String CREATE = "creerPaiementSecurise";
    public static final String DETAIL = "recupererDetailPaiementSecurise";
    /** The most a message may weigh: PayFiP's messages are a few hundred bytes. */
    public static final int MAX_BYTES = 64 * 1024;

    private PayfipSoap() {
    }

    /** A message read: an operation (its name and fields), an answer (the operation's name + "Response"), or a fault. */
    public record Message(String name, Map<String, String> fields, Fault fault) {

        public boolean isFault() {
            return fault != null;
        }
    }

    /** A SOAP fault: PayFiP's error code (from its detail, or the faultcode) and its text. */
    public record Fault(String code, String text) {
    }

    /** Thrown when a message is not a SOAP envelope of this shape. */
    public static final class Malformed extends Exception {

        public Malformed(String message) {
            super(message);
        }
    }

    public static byte[] request(String operation, Map<String, String> arguments) {
        return write(operation, "arg0", "pai", arguments);
    }

    public static byte[] answer(String operation, Map<String, String> fields) {
        return write(operation + "Response", "return", "ns2", fields);
    }

    public static byte[] fault(String code, String text) {
        var bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soap", "Envelope", ENVELOPE);
            xml.writeNamespace("soap", ENVELOPE);
            xml.writeStartElement("soap", "Body", ENVELOPE);
            xml.writeStartElement("soap", "Fault", ENVELOPE);
            element(xml, "faultcode", "soap:Server");
            element(xml, "faultstring", text);
            xml.writeStartElement("detail");
            xml.writeStartElement("ns2", "FonctionnelleErreur", NAMESPACE);
            xml.writeNamespace("ns2", NAMESPACE);
            element(xml, "code", code);
            element(xml, "libelle", text);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a fault is always writable", e);
        }
        return bytes.toByteArray();
    }

    private static byte[] write(String name, String wrapper, String prefix, Map<String, String> fields) {
        var bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soap", "Envelope", ENVELOPE);
            xml.writeNamespace("soap", ENVELOPE);
            xml.writeNamespace(prefix, NAMESPACE);
            xml.writeStartElement("soap", "Body", ENVELOPE);
            xml.writeStartElement(prefix, name, NAMESPACE);
            xml.writeStartElement(wrapper);
            for (var field : fields.entrySet()) {
                if (field.getValue() != null) {
                    element(xml, field.getKey(), field.getValue());
                }
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a PayFiP message is always writable", e);
        }
        return bytes.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** Reads an envelope: its body's first element is the operation, the answer or the fault. */
    public static Message read(byte[] body) throws Malformed {
        if (body == null || body.length == 0 || body.length > MAX_BYTES) {
            throw new Malformed("no envelope, or one too large");
        }
        Element root;
        try {
            root = parser().newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new Malformed("not XML, or XML with a DTD");
        }
        if (!ENVELOPE.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            throw new Malformed("not a SOAP 1.1 envelope");
        }
        Element soapBody = child(root, ENVELOPE, "Body");
        Element content = soapBody == null ? null : firstElement(soapBody);
        if (content == null) {
            throw new Malformed("an empty body");
        }
        if (ENVELOPE.equals(content.getNamespaceURI()) && "Fault".equals(content.getLocalName())) {
            Element detail = child(content, null, "detail");
            Element error = detail == null ? null : firstElement(detail);
            String code = error == null ? null : text(child(error, null, "code"));
            String text = error == null ? null : text(child(error, null, "libelle"));
            return new Message("Fault", Map.of(), new Fault(code != null ? code : text(child(content, null, "faultcode")),
                    text != null ? text : text(child(content, null, "faultstring"))));
        }
        Element wrapper = firstElement(content);
        var fields = new LinkedHashMap<String, String>();
        if (wrapper != null) {
            for (Node node = wrapper.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element field) {
                    fields.put(field.getLocalName(), field.getTextContent().strip());
                }
            }
        }
        return new Message(content.getLocalName(), fields, null);
    }

    private static DocumentBuilderFactory parser() throws ParserConfigurationException {
        return SafeXml.parsers();
    }

    /** The first child element of this name (namespace null: an element without a namespace, or any). */
    private static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())
                    && (namespace == null || namespace.equals(element.getNamespaceURI()))) {
                return element;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }
}
