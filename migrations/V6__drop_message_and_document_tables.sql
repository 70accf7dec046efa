-- Their rows were copied into span_content by V5 (decision 0008).
DROP TABLE message;
DROP TABLE retrieved_document;
